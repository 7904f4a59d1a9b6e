import { dirname } from "node:path";
import type { HistoryEntry } from "./history_entry.ts";

/** Appends one entry as a JSON line to a history file, creating the file and its folder. */
export async function appendHistory(path: string, entry: HistoryEntry): Promise<void> {
  if (typeof path !== "string" || path === "") throw new TypeError("appendHistory: path must be a history file");
  if (entry === null || typeof entry !== "object" || typeof entry.run_id !== "string") {
    throw new TypeError("appendHistory: entry must be a history entry from buildHistoryEntry");
  }
  await Deno.mkdir(dirname(path), { recursive: true });
  // One write call per line keeps concurrent appenders from interleaving inside a line.
  await Deno.writeTextFile(path, JSON.stringify(entry) + "\n", { append: true });
}
