/** One record that was not imported, with where it is and why. */
export interface BadRow {
  file: string;
  line: number;
  reason: string;
}

/** Default number of bad rows kept with their details; the rest are only counted. */
export const BAD_ROW_LIST_LIMIT = 50;

/**
 * Counts the records an import could not use. Keeps the first `limit` with file, line and
 * reason, and a count per rule so that a repeated problem shows how often it occurred.
 */
export class BadRowLog {
  readonly rows: BadRow[] = [];
  readonly byRule = new Map<string, number>();
  count = 0;

  constructor(readonly limit = BAD_ROW_LIST_LIMIT) {
    if (!Number.isInteger(limit) || limit < 0) {
      throw new RangeError(`BadRowLog: limit must be a whole number ≥ 0, got ${limit}`);
    }
  }

  /** Records one bad row: `reason` is shown with its location, `rule` keys the count. */
  add(file: string, line: number, reason: string, rule = reason): void {
    this.count++;
    if (this.rows.length < this.limit) this.rows.push({ file, line, reason });
    this.byRule.set(rule, (this.byRule.get(rule) ?? 0) + 1);
  }
}
