/**
 * Writes a trend report for an imported production log or for a spec's repeated runs, and
 * optionally checks thresholds.
 * Usage: deno task trends (--import NAME|DIR | --history FILE | --spec-name NAME) [options]
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import { buildImportTrends, type TrendOptions } from "../lib/trends/build_import_trends.ts";
import { buildRunTrends } from "../lib/trends/build_run_trends.ts";
import { loadThresholds } from "../lib/trends/load_thresholds.ts";
import type { Thresholds } from "../lib/trends/thresholds.ts";
import type { TrendRules } from "../lib/trends/trend_rules.ts";
import { writeTrendsReport } from "../lib/trends/report/write_trends_report.ts";

const REPORTS = new URL("../reports/", import.meta.url).pathname;

/** A bad option value; reported without a stack trace, exit code 2. */
class UsageError extends Error {}

const USAGE = `Usage: deno task trends SOURCE [options]

Source (one of):
  --import NAME|DIR     an import from deno task import-logs (reports/imports/NAME)
  --spec-name NAME      the run history of a spec (reports/history/NAME.jsonl)
  --history FILE        a run history file

Output:
  --name NAME           report name; written to reports/trends/NAME/ (default: the source's name)
  --out-dir DIR         folder for reports (default reports/trends)

Flag rules (see docs/trends.md):
  --window N            earlier periods in the baseline (default 7)
  --min-history N       earlier periods needed before flagging (default 3 for days, 2 for runs)
  --k X                 latency: robust standard deviations above the trailing median (default 5)
  --min-rise X          latency: smallest flagged rise as a fraction of the median (default 0.1)

Check mode (exits 1 when a threshold is crossed, naming metric, model, period, value, threshold):
  --check               turn on the check (implied by any threshold below)
  --max-p95-ms N        maximum end-to-end p95 latency in ms
  --max-ttft-p95-ms N   maximum time-to-first-token p95 in ms
  --max-error-rate X    maximum error rate, 0 to 1
  --min-pass-rate X     minimum pass rate, 0 to 1 (runs only; logs have no grades)
  --thresholds FILE     thresholds JSON (same names, plus per-model "models": {...}); flags override it
  --last N              check only each model's last N periods (default: every period)
  --fail-on-flags       also exit 1 when any period is flagged

Prints the path of trends.html on stdout.
`;

const { values } = parseArgs({
  args: Deno.args,
  options: {
    import: { type: "string" },
    "spec-name": { type: "string" },
    history: { type: "string" },
    name: { type: "string" },
    "out-dir": { type: "string" },
    window: { type: "string" },
    "min-history": { type: "string" },
    k: { type: "string" },
    "min-rise": { type: "string" },
    check: { type: "boolean" },
    "max-p95-ms": { type: "string" },
    "max-ttft-p95-ms": { type: "string" },
    "max-error-rate": { type: "string" },
    "min-pass-rate": { type: "string" },
    thresholds: { type: "string" },
    last: { type: "string" },
    "fail-on-flags": { type: "boolean" },
    help: { type: "boolean", short: "h" },
  },
});
if (values.help) {
  console.log(USAGE);
  Deno.exit(0);
}
const sources = [values.import, values["spec-name"], values.history].filter((v) => v !== undefined);
if (sources.length !== 1) {
  console.error(`give exactly one of --import, --spec-name or --history.\n\n${USAGE}`);
  Deno.exit(2);
}

try {
  const thresholds = await readThresholds();
  const options: TrendOptions = { rules: readRules(), thresholds, lastPeriods: number(values.last, "--last", true) };
  const started = performance.now();
  const report = values.import !== undefined
    ? await buildImportTrends(importDir(values.import), options)
    : await buildRunTrends(values.history ?? join(REPORTS, "history", `${values["spec-name"]}.jsonl`), options);
  const analysed = performance.now();
  const name = values.name ?? report.title.replace(/^[^:]*:\s*/, "");
  const written = await writeTrendsReport(report, join(values["out-dir"] ?? join(REPORTS, "trends"), name));
  const done = performance.now();

  console.error(
    `${report.source}: ${report.metrics.length} model × ${report.periodKind} rows, ${report.flags.length} flag(s); ` +
      `analysis ${Math.round(analysed - started)} ms, charts and report ${Math.round(done - analysed)} ms`,
  );
  for (const flag of report.flags) {
    console.error(`  flag ${flag.kind}: ${flag.model} ${report.periodKind} ${flag.period}: ${flag.detail}`);
  }
  console.error(`report written: ${written.htmlPath} and ${written.mdPath}`);
  console.log(written.htmlPath);

  let failed = false;
  if (report.breaches !== null) {
    for (const breach of report.breaches) console.error(`threshold crossed: ${breach.message}`);
    if (report.breaches.length === 0) console.error("check passed: no threshold was crossed");
    failed = report.breaches.length > 0;
  }
  if (values["fail-on-flags"] && report.flags.length > 0) {
    console.error(`failing because ${report.flags.length} period(s) were flagged (--fail-on-flags)`);
    failed = true;
  }
  Deno.exit(failed ? 1 : 0);
} catch (error) {
  if (error instanceof UsageError || error instanceof RangeError) {
    console.error(error.message);
    Deno.exit(2);
  }
  if (error instanceof Error && /Fix:/.test(error.message)) {
    console.error(error.message);
    Deno.exit(2);
  }
  throw error;
}

function importDir(value: string): string {
  return value.includes("/") ? value : join(REPORTS, "imports", value);
}

async function readThresholds(): Promise<Thresholds | undefined> {
  const fromFile = values.thresholds === undefined ? {} : await loadThresholds(values.thresholds);
  const flags: Thresholds = {
    max_p95_ms: number(values["max-p95-ms"], "--max-p95-ms"),
    max_ttft_p95_ms: number(values["max-ttft-p95-ms"], "--max-ttft-p95-ms"),
    max_error_rate: rate(values["max-error-rate"], "--max-error-rate"),
    min_pass_rate: rate(values["min-pass-rate"], "--min-pass-rate"),
  };
  const merged: Thresholds = { ...fromFile };
  for (const [key, value] of Object.entries(flags)) {
    if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
  }
  const any = Object.keys(merged).some((key) => (merged as Record<string, unknown>)[key] !== undefined);
  if (values.check && !any) {
    throw new UsageError(
      "--check needs at least one threshold: --max-p95-ms, --max-ttft-p95-ms, --max-error-rate, --min-pass-rate or --thresholds FILE",
    );
  }
  return any ? merged : undefined;
}

function readRules(): Partial<TrendRules> {
  const rules: Partial<TrendRules> = {};
  const window = number(values.window, "--window", true);
  const minHistory = number(values["min-history"], "--min-history", true);
  const k = number(values.k, "--k");
  const minRise = number(values["min-rise"], "--min-rise");
  if (window !== undefined) rules.window = window;
  if (minHistory !== undefined) rules.minHistory = minHistory;
  if (k !== undefined) rules.k = k;
  if (minRise !== undefined) rules.minRelativeRise = minRise;
  return rules;
}

function number(text: string | undefined, option: string, integer = false): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value < 0 || (integer && !Number.isInteger(value))) {
    throw new UsageError(`${option} must be ${integer ? "a whole number" : "a number"} ≥ 0, got "${text}"`);
  }
  return value;
}

function rate(text: string | undefined, option: string): number | undefined {
  const value = number(text, option);
  if (value !== undefined && value > 1) throw new UsageError(`${option} is a rate from 0 to 1, got "${text}"`);
  return value;
}
