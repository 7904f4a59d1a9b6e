/** A `trials.jsonl` file that is missing or contains a line that is not a trial record. */
export class TrialsFileError extends Error {
  readonly file: string;
  /** 1-based line number; 0 when the problem concerns the whole file. */
  readonly line: number;
  /** Record field at fault, or null. */
  readonly field: string | null;

  constructor(
    fields: { file: string; line: number; field: string | null; problem: string; fix: string },
    options?: { cause?: unknown },
  ) {
    const where = fields.line > 0 ? `${fields.file}:${fields.line}` : fields.file;
    const field = fields.field === null ? "" : ` field "${fields.field}"`;
    super(`${where}:${field} ${fields.problem}. Fix: ${fields.fix}`, options);
    this.name = "TrialsFileError";
    this.file = fields.file;
    this.line = fields.line;
    this.field = fields.field;
  }
}
