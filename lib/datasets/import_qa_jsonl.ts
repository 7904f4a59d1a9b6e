import { checkImportedItem, requireString } from "./check_imported_item.ts";
import { DatasetError } from "./dataset_error.ts";
import { readJsonlRows } from "./read_jsonl_rows.ts";
import type { DatasetItem } from "./schema.ts";

/** Options of {@link importQaJsonl}. */
export interface ImportQaOptions {
  /** Prefix of generated ids (`<prefix>-001`). Default `qa`. */
  idPrefix?: string;
  /** System message of every item. */
  system?: string;
  /** Normalisation of the exact scorer. Default `loose` (case, spacing and a final period ignored). */
  normalize?: "none" | "trim" | "loose" | "alnum";
  tags?: string[];
}

const DEFAULT_SYSTEM = "Answer the question with the answer only: no explanation, no full sentence.";

/**
 * Convert plain `{question, answer}` JSONL into `qa` items scored by the `exact` scorer.
 * `answer` may be a string or a list of accepted strings; an optional `id` is kept.
 * Every fault throws a {@link DatasetError} naming `file:line`, the field and the fix.
 */
export function importQaJsonl(text: string, file: string, options: ImportQaOptions = {}): DatasetItem[] {
  const prefix = options.idPrefix ?? "qa";
  const rows = readJsonlRows(text, file);
  const width = Math.max(3, String(rows.length).length);
  return rows.map(({ line, value: row }, index) => {
    const question = requireString(row, "question", file, line);
    const answer = row.answer;
    const accepted = typeof answer === "string" ? [answer] : answer;
    if (!Array.isArray(accepted) || accepted.length === 0 || accepted.some((a) => typeof a !== "string" || a.trim() === "")) {
      throw new DatasetError({
        file,
        line,
        field: "answer",
        rule: `answer must be a non-empty string or a list of them, got ${JSON.stringify(answer)?.slice(0, 40) ?? "nothing"}`,
        fix: 'write the answer as "answer": "Paris" or "answer": ["Paris", "Paris, France"]',
      });
    }
    const id = typeof row.id === "string" && row.id.trim() !== ""
      ? row.id
      : `${prefix}-${String(index + 1).padStart(width, "0")}`;
    return checkImportedItem({
      id,
      kind: "qa",
      messages: [{ role: "system", content: options.system ?? DEFAULT_SYSTEM }, { role: "user", content: question }],
      reference: accepted[0],
      scorer: { name: "exact", expected: accepted.length === 1 ? accepted[0] : accepted, normalize: options.normalize ?? "loose" },
      tags: options.tags ?? ["qa"],
    }, file, line);
  });
}
