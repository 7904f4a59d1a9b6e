import type { MetricChange } from "./comparison_types.ts";

type Unit = MetricChange["unit"];

/** Text for a value that could not be measured. */
const MISSING = "—";
const MINUS = "−";

function number(value: number, unit: Unit): string {
  const magnitude = Math.abs(value);
  if (unit === "ms") return Math.round(magnitude).toLocaleString("en-US");
  if (unit === "tokens/s") return magnitude.toFixed(1);
  if (unit === "fraction") return (magnitude * 100).toFixed(1);
  // Sums of float costs leave residues such as 4e-16 where the true difference is 0.
  if (magnitude < 1e-9) return "0";
  return magnitude >= 1 ? magnitude.toFixed(2) : magnitude.toPrecision(3);
}

// A value that rounds to zero gets "±", so "−0 ms" never appears.
function sign(value: number, text: string): string {
  if (/^[0.,]*$/.test(text)) return "±";
  return value > 0 ? "+" : MINUS;
}

function withUnit(text: string, unit: Unit, isChange: boolean): string {
  if (unit === "ms") return `${text} ms`;
  if (unit === "tokens/s") return `${text} tokens/s`;
  if (unit === "fraction") return isChange ? `${text} pp` : `${text}%`;
  return `$${text}`;
}

function signed(value: number, unit: Unit): string {
  const text = number(value, unit);
  return `${sign(value, text)}${text}`;
}

/**
 * Formatters for run comparison tables. Each returns "—" for a missing value, so a value
 * that was not measured never prints as 0. Rate changes are in percentage points (pp).
 */
export const formatComparison = {
  /** Format a metric's value in its unit, e.g. "1,774 ms", "93.5%", "$2.10". */
  value(value: number | null, unit: Unit): string {
    if (value === null || !Number.isFinite(value)) return MISSING;
    return withUnit(`${value < 0 ? MINUS : ""}${number(value, unit)}`, unit, false);
  },
  /** Format a signed change, e.g. "+412 ms", "−2.5 pp". */
  change(value: number | null, unit: Unit): string {
    if (value === null || !Number.isFinite(value)) return MISSING;
    if (unit === "USD") {
      const text = number(value, unit);
      return `${sign(value, text)}$${text}`;
    }
    return withUnit(signed(value, unit), unit, true);
  },
  /** Format a signed relative change, e.g. "+98.2%". */
  relative(value: number | null): string {
    if (value === null || !Number.isFinite(value)) return MISSING;
    const text = (Math.abs(value) * 100).toFixed(1);
    return `${sign(value, text)}${text}%`;
  },
  /** Format a confidence interval of a change, e.g. "[+380, +455] ms". */
  interval(low: number | null, high: number | null, unit: Unit): string {
    if (low === null || high === null) return MISSING;
    if (unit === "USD") return `[${formatComparison.change(low, unit)}, ${formatComparison.change(high, unit)}]`;
    return withUnit(`[${signed(low, unit)}, ${signed(high, unit)}]`, unit, true);
  },
};
