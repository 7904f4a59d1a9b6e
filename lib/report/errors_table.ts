import type { ErrorSummary } from "../analysis/summary_types.ts";
import type { Table } from "./report_model.ts";

/**
 * Build the errors table: per model and error class, the trials that ended in that error
 * and the earlier attempts that failed with it and were retried. Returns null when
 * nothing failed.
 */
export function errorsTable(finalErrors: readonly ErrorSummary[], retried: readonly ErrorSummary[]): Table | null {
  const key = (e: ErrorSummary) => `${e.model}\u0000${e.error_class}`;
  const merged = new Map<string, { model: string; errorClass: string; final: number; expected: number; retried: number; http: Set<number> }>();
  for (const [list, field] of [[finalErrors, "final"], [retried, "retried"]] as const) {
    for (const e of list) {
      const entry = merged.get(key(e)) ?? { model: e.model, errorClass: e.error_class, final: 0, expected: 0, retried: 0, http: new Set() };
      entry[field] += e.count;
      if (field === "final") entry.expected += e.expected ?? 0;
      e.http_statuses.forEach((s) => entry.http.add(s));
      merged.set(key(e), entry);
    }
  }
  if (merged.size === 0) return null;
  const rows = [...merged.values()]
    .sort((a, b) => a.model.localeCompare(b.model) || a.errorClass.localeCompare(b.errorClass))
    .map((e) => [
      e.model,
      e.errorClass,
      e.expected > 0 ? `${e.final} (${e.expected} expected by the item)` : String(e.final),
      String(e.retried),
      [...e.http].sort((a, b) => a - b).join(", ") || "none",
    ]);
  return {
    id: "errors",
    caption: "Errors",
    columns: ["Model", "Error class", "Trials ended in it", "Retried attempts", "HTTP statuses"],
    numericColumns: [2, 3],
    rows,
    note: "Retried attempts failed and were sent again (attempts.jsonl); they never enter latency statistics.",
  };
}
