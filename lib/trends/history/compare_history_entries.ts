import type { HistoryEntry } from "./history_entry.ts";

/**
 * Lists what makes two runs incomparable: spec settings that differ (dotted path, old → new),
 * datasets whose sha256 differ or that only one run used, and endpoint kinds that differ.
 * Returns an empty list when the runs are comparable.
 */
export function compareHistoryEntries(earlier: HistoryEntry, later: HistoryEntry): string[] {
  if (!earlier || !later) throw new TypeError("compareHistoryEntries: pass two history entries");
  const differences: string[] = [];
  if (earlier.spec_hash !== later.spec_hash) diffValues("spec", earlier.settings, later.settings, differences);
  diffMaps("dataset", earlier.dataset_hashes, later.dataset_hashes, differences, (hash) => `sha256 ${hash.slice(0, 12)}`);
  diffMaps("endpoint of", earlier.endpoints, later.endpoints, differences, (kind) => kind);
  return differences;
}

function diffValues(path: string, a: unknown, b: unknown, out: string[]): void {
  const bothObjects = a !== null && b !== null && typeof a === "object" && typeof b === "object" && !Array.isArray(a) &&
    !Array.isArray(b);
  if (bothObjects) {
    const keys = [...new Set([...Object.keys(a as object), ...Object.keys(b as object)])].sort();
    for (const key of keys) {
      diffValues(`${path}.${key}`, (a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], out);
    }
    return;
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) out.push(`${path}: ${show(a)} → ${show(b)}`);
}

function diffMaps(
  label: string,
  a: Record<string, string>,
  b: Record<string, string>,
  out: string[],
  describe: (value: string) => string,
): void {
  const keys = [...new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})])].sort();
  for (const key of keys) {
    const before = a?.[key];
    const after = b?.[key];
    if (before === after) continue;
    if (before === undefined) out.push(`${label} ${key}: only in the later run (${describe(after!)})`);
    else if (after === undefined) out.push(`${label} ${key}: only in the earlier run (${describe(before)})`);
    else out.push(`${label} ${key}: ${describe(before)} → ${describe(after)}`);
  }
}

function show(value: unknown): string {
  return value === undefined ? "(unset)" : JSON.stringify(value);
}
