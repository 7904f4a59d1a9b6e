import type { HistoryEntry } from "./history_entry.ts";

/**
 * Reads a history file (`reports/history/<spec-name>.jsonl`), oldest run first. A missing
 * file is an empty history. Throws an Error naming the file and line for a line that is not
 * a history entry.
 */
export async function readHistory(path: string): Promise<HistoryEntry[]> {
  if (typeof path !== "string" || path === "") throw new TypeError("readHistory: path must be a history file");
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return [];
    throw error;
  }
  const entries: HistoryEntry[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() === "") continue;
    let entry: HistoryEntry;
    try {
      entry = JSON.parse(lines[i]);
    } catch (error) {
      throw new Error(`history ${path}:${i + 1} is not valid JSON. Fix: remove or repair that line.`, { cause: error });
    }
    if (typeof entry?.run_id !== "string" || !Array.isArray(entry.models) || typeof entry.spec_hash !== "string") {
      throw new Error(
        `history ${path}:${i + 1} is not a history entry (run_id, spec_hash and models are required). Fix: remove that line.`,
      );
    }
    entries.push(entry);
  }
  return entries.sort((a, b) => a.started_at.localeCompare(b.started_at));
}
