const MAX_CHARS = 120;

/**
 * Format a value for a grade reason: JSON for data, cut to 120 characters, with
 * `undefined` spelled out so a missing value reads differently from null.
 */
export function formatValue(value: unknown): string {
  let text: string;
  if (value === undefined) {
    text = "undefined";
  } else if (typeof value === "bigint") {
    text = `${value}n`;
  } else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS - 1)}…` : text;
}
