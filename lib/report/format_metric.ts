/** Text for a value that was not measured. */
export const MISSING = "—";

const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

function show(value: number | null | undefined, render: (v: number) => string): string {
  return value === null || value === undefined || !Number.isFinite(value) ? MISSING : render(value);
}

/**
 * Formatters for report numbers. Each returns {@link MISSING} for null, so a missing
 * value never prints as 0. Units are left to the column header or the sentence.
 */
export const formatMetric = {
  /** Milliseconds, whole. */
  ms: (v: number | null | undefined) => show(v, (x) => integer.format(x)),
  /** Tokens per second, one decimal. */
  tps: (v: number | null | undefined) => show(v, (x) => oneDecimal.format(x)),
  /** Whole counts such as tokens or trials. */
  count: (v: number | null | undefined) => show(v, (x) => integer.format(x)),
  /** USD with enough digits to tell small costs apart (3 significant digits below $1). */
  usd: (v: number | null | undefined) =>
    show(v, (x) => {
      if (x === 0) return "0";
      if (Math.abs(x) >= 100) return integer.format(x);
      if (Math.abs(x) >= 1) return x.toFixed(2);
      return x.toPrecision(3);
    }),
  /** A 0–1 fraction as a percentage, at most one decimal. */
  pct: (v: number | null | undefined) =>
    show(v, (x) => {
      const rounded = Math.round(x * 1000) / 10;
      return `${Number.isInteger(rounded) ? rounded.toFixed(0) : rounded.toFixed(1)}%`;
    }),
};
