const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * Parses a duration such as `90s`, `15m`, `6h`, `1d` or `1.5h` into milliseconds.
 * Throws a RangeError naming the value and the accepted forms.
 */
export function parseDuration(text: string): number {
  const match = typeof text === "string" ? /^\s*(\d+(?:\.\d+)?)\s*([smhd])\s*$/i.exec(text) : null;
  const ms = match === null ? NaN : Number(match[1]) * UNIT_MS[match[2].toLowerCase()];
  if (!Number.isFinite(ms) || ms <= 0) {
    throw new RangeError(
      `invalid duration ${JSON.stringify(text)}: write a positive number and a unit s, m, h or d, e.g. 6h or 30m`,
    );
  }
  return ms;
}
