import { join } from "node:path";
import type { TrialRecord } from "./record.ts";

/**
 * Successful responses of an earlier run, for re-scoring without sending requests again.
 *
 * A response matches a trial with the same request hash (`request_sha256`: model, messages,
 * output limit, temperature) and repetition. Each response is handed out once, so a run
 * that requests more repetitions than the source run had sends the rest live. Records
 * written before `request_sha256` existed never match.
 */
export class ResponseCache {
  private constructor(readonly runDir: string, readonly runId: string, private readonly entries: Map<string, TrialRecord[]>) {}

  /** Reads the final successful trials of the run in `runDir`. */
  static async open(runDir: string): Promise<ResponseCache> {
    const path = join(runDir, "trials.jsonl");
    let text: string;
    try {
      text = await Deno.readTextFile(path);
    } catch (error) {
      throw new Error(
        `rescore_from: cannot read ${path} (${(error as Error).message}). Fix: give the folder of an earlier run, e.g. reports/runs/<run-id>.`,
        { cause: error },
      );
    }
    const entries = new Map<string, TrialRecord[]>();
    let runId = "";
    for (const line of text.split("\n")) {
      if (line.trim() === "") continue;
      let record: TrialRecord;
      try {
        record = JSON.parse(line) as TrialRecord;
      } catch {
        continue; // A torn last line of a killed run contains no finished response.
      }
      runId ||= record.run_id;
      if (record.status !== "ok" || typeof record.request_sha256 !== "string") continue;
      const key = keyOf(record.request_sha256, record.repetition);
      entries.set(key, [...(entries.get(key) ?? []), record]);
    }
    return new ResponseCache(runDir, runId, entries);
  }

  /** Number of responses not handed out yet. */
  get size(): number {
    let count = 0;
    for (const list of this.entries.values()) count += list.length;
    return count;
  }

  /** Removes and returns the response for a request hash and repetition, or null. */
  take(requestSha256: string, repetition: number): TrialRecord | null {
    const list = this.entries.get(keyOf(requestSha256, repetition));
    return list?.shift() ?? null;
  }
}

function keyOf(requestSha256: string, repetition: number): string {
  return `${requestSha256}#${repetition}`;
}
