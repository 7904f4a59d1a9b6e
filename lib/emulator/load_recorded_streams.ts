import { join } from "node:path";
import type { RecordedStream } from "../runner/recorded_stream.ts";

/**
 * Reads `<runDir>/streams.jsonl`, the raw streams a run recorded with `record_streams: true`.
 * Skips a torn last line (a killed run). Throws naming the file when it is missing or a
 * complete line is not a recorded stream.
 */
export async function loadRecordedStreams(runDir: string): Promise<RecordedStream[]> {
  if (typeof runDir !== "string" || runDir === "") throw new TypeError("loadRecordedStreams: runDir must be a run folder");
  const path = join(runDir, "streams.jsonl");
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (error) {
    throw new Error(
      `Cannot replay ${runDir}: ${path} cannot be read (${(error as Error).message}). Fix: replay a run made with "record_streams": true in its spec.`,
      { cause: error },
    );
  }
  const lines = text.split("\n");
  const streams: RecordedStream[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() === "") continue;
    let value: RecordedStream;
    try {
      value = JSON.parse(lines[i]);
    } catch (error) {
      if (i === lines.length - 1) continue;
      throw new Error(`${path} line ${i + 1} is not valid JSON. Fix: remove the broken line.`, { cause: error });
    }
    if (typeof value?.model !== "string" || typeof value.prompt_key !== "string" || !Array.isArray(value.events)) {
      throw new Error(`${path} line ${i + 1} is not a recorded stream (model, prompt_key and events are required).`);
    }
    streams.push(value);
  }
  return streams;
}
