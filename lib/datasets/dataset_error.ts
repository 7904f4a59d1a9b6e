/** Location and description of a rule that a dataset file breaks. */
export interface DatasetErrorDetails {
  /** Path of the dataset file. */
  file: string;
  /** 1-based line number, or null for a fault of the whole file. */
  line: number | null;
  /** Field path inside the item, e.g. `messages[0].role` or `scorer.schema`, or null. */
  field: string | null;
  /** The rule that was broken, e.g. zod's message. */
  rule: string;
  /** Change that repairs the fault. */
  fix: string;
  cause?: unknown;
}

/**
 * A dataset file that cannot be loaded. The message names `file:line`, the field, the
 * broken rule and the fix, e.g.
 * `datasets/qa.jsonl:4: messages[0].role: Invalid option: expected one of "system"|"user"|"assistant". Fix: set "messages[0].role" to one of …`.
 */
export class DatasetError extends Error {
  readonly file: string;
  readonly line: number | null;
  readonly field: string | null;
  readonly rule: string;
  readonly fix: string;

  constructor(details: DatasetErrorDetails) {
    const location = details.line === null ? details.file : `${details.file}:${details.line}`;
    const field = details.field === null ? "" : ` ${details.field}:`;
    super(`${location}:${field} ${details.rule}. Fix: ${details.fix}.`, { cause: details.cause });
    this.name = "DatasetError";
    this.file = details.file;
    this.line = details.line;
    this.field = details.field;
    this.rule = details.rule;
    this.fix = details.fix;
  }
}
