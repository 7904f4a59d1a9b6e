/**
 * A log record that cannot become a trial. `rule` names the field and the rule it broke, with
 * the same text for every row with that problem, so problems can be counted per rule.
 * `reason` adds the offending value.
 */
export class RowError extends Error {
  readonly reason: string;

  constructor(readonly rule: string, got?: unknown, options?: ErrorOptions) {
    const reason = got === undefined ? rule : `${rule} (got ${describeValue(got)})`;
    super(reason, options);
    this.name = "RowError";
    this.reason = reason;
  }
}

function describeValue(value: unknown): string {
  const text = typeof value === "string" ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
