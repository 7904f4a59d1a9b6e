/** A price table row or header that failed validation, located by file, line and column. */
export class PriceTableError extends Error {
  readonly file: string;
  /** 1-based line number in the file; 0 when the problem concerns the file as a whole. */
  readonly line: number;
  /** Column name, or null when the problem is not tied to one column. */
  readonly column: string | null;
  readonly fix: string;

  constructor(
    fields: { file: string; line: number; column: string | null; problem: string; fix: string },
    options?: { cause?: unknown },
  ) {
    const where = fields.line > 0 ? `${fields.file}:${fields.line}` : fields.file;
    const col = fields.column === null ? "" : ` column "${fields.column}"`;
    super(`${where}:${col} ${fields.problem}. Fix: ${fields.fix}`, options);
    this.name = "PriceTableError";
    this.file = fields.file;
    this.line = fields.line;
    this.column = fields.column;
    this.fix = fields.fix;
  }
}
