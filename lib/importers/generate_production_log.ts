import { type SeededRandom, seededRandom } from "./seeded_random.ts";
import { badLogRecord } from "./bad_log_record.ts";
import { formatLogRecord, GENERATED_CSV_HEADER, type LogRecordFormat, type SyntheticRequest } from "./format_log_record.ts";
import { formatOtelRequest, SPANS_PER_REQUEST } from "./format_otel_request.ts";

/** A model of the synthetic traffic and its normal behaviour. */
interface SyntheticModel {
  name: string;
  provider: string;
  otelProvider: string;
  version: string;
  share: number;
  ttftMs: number;
  tokensPerSecond: number;
}

const MODELS: SyntheticModel[] = [
  {
    name: "gpt-4o",
    provider: "openai",
    otelProvider: "openai",
    version: "gpt-4o-2024-08-06",
    share: 0.45,
    ttftMs: 450,
    tokensPerSecond: 130,
  },
  {
    name: "claude-sonnet-4-5",
    provider: "anthropic",
    otelProvider: "anthropic",
    version: "claude-sonnet-4-5-20250929",
    share: 0.35,
    ttftMs: 1200,
    tokensPerSecond: 63,
  },
  {
    name: "gemini-2.5-flash",
    provider: "google",
    otelProvider: "gcp.gemini",
    version: "gemini-2.5-flash",
    share: 0.2,
    ttftMs: 410,
    tokensPerSecond: 230,
  },
];

// Share of each UTC hour's traffic: quiet nights, a working-day peak.
const HOUR_WEIGHTS = [2, 1, 1, 1, 1, 2, 3, 5, 7, 9, 10, 10, 9, 9, 10, 10, 9, 8, 6, 5, 4, 3, 3, 2];

/** Options of {@link generateProductionLog}. */
export interface GenerateOptions {
  path: string;
  format: LogRecordFormat;
  /** Good rows (requests) to write; planted bad rows come on top. Default 300,000. */
  rows?: number;
  days?: number;
  seed?: number;
  /** First day, `YYYY-MM-DD` (UTC). */
  startDate?: string;
  /** Day (0-based) on which gpt-4o's latency is multiplied by `regressionFactor`. */
  regressionDay?: number;
  regressionFactor?: number;
  /** Day (0-based) from whose 14:00 UTC claude-sonnet-4-5 reports `newVersion`. */
  versionChangeDay?: number;
  newVersion?: string;
  /** Malformed rows planted at even intervals. */
  badRows?: number;
}

/** The generated log's path, size, planted bad rows and planted changes. */
export interface GeneratedLog {
  path: string;
  format: LogRecordFormat;
  rows: number;
  /** Line numbers of the planted bad rows with what is wrong with each. */
  badLines: { line: number; problem: string }[];
  regression: { model: string; date: string; factor: number };
  versionChange: { model: string; date: string; from: string; to: string };
}

/**
 * Writes a seeded synthetic production log: `days` days of requests to gpt-4o,
 * claude-sonnet-4-5 and gemini-2.5-flash with a daily traffic curve, log-normal latencies and
 * token counts, and about 1.5% errors. Two changes are planted: a latency regression of gpt-4o
 * on one day and a silent model-version change of claude-sonnet-4-5. The same options give the
 * same file. Streams to disk in chunks.
 */
export async function generateProductionLog(options: GenerateOptions): Promise<GeneratedLog> {
  const rows = options.rows ?? 300_000;
  const days = options.days ?? 30;
  const startDate = options.startDate ?? "2026-03-01";
  const regressionDay = options.regressionDay ?? 16;
  const regressionFactor = options.regressionFactor ?? 2.2;
  const versionChangeDay = options.versionChangeDay ?? 21;
  const newVersion = options.newVersion ?? "claude-sonnet-4-5-20251124";
  const badRows = options.badRows ?? 0;
  checkOptions(options, rows, days, startDate, regressionDay, versionChangeDay, badRows);

  const random = seededRandom(options.seed ?? 1);
  const startMs = Date.parse(`${startDate}T00:00:00Z`);
  const perDay = Math.floor(rows / days);
  const badEvery = badRows > 0 ? Math.max(1, Math.floor(rows / badRows)) : 0;
  const badLines: GeneratedLog["badLines"] = [];
  const file = await Deno.open(options.path, { write: true, create: true, truncate: true });
  const writer = new RecordWriter(file, options.format);
  try {
    await writer.header();
    let written = 0;
    for (let day = 0; day < days; day++) {
      const count = day === days - 1 ? rows - perDay * (days - 1) : perDay;
      const requests = Array.from({ length: count }, () => drawRequest(random, startMs + day * 86_400_000));
      requests.sort((a, b) => a.startMs - b.startMs);
      for (const request of requests) {
        applyPlantedChanges(request, day, regressionDay, regressionFactor, versionChangeDay, newVersion, startMs);
        await writer.write(request);
        written++;
        if (badEvery > 0 && badLines.length < badRows && written % badEvery === 0) {
          badLines.push(await writer.writeBad(badLines.length));
        }
      }
    }
    await writer.close();
  } finally {
    try {
      file.close();
    } catch { /* closed by the writer */ }
  }
  return {
    path: options.path,
    format: options.format,
    rows,
    badLines,
    regression: { model: "openai:gpt-4o", date: dayString(startMs, regressionDay), factor: regressionFactor },
    versionChange: {
      model: "anthropic:claude-sonnet-4-5",
      date: dayString(startMs, versionChangeDay),
      from: MODELS[1].version,
      to: newVersion,
    },
  };
}

function drawRequest(random: SeededRandom, dayStartMs: number): SyntheticRequest {
  const model = pick(random, MODELS, MODELS.map((m) => m.share));
  const hour = pick(random, HOUR_WEIGHTS.map((_, h) => h), HOUR_WEIGHTS);
  const startMs = dayStartMs + hour * 3_600_000 + Math.floor(random.next() * 3_600_000);

  // Busy hours are slower: up to 25% at the peak.
  const load = 1 + 0.25 * (HOUR_WEIGHTS[hour] / 10);
  const inputTokens = Math.max(1, Math.round(random.logNormal(800, 0.8)));
  const outputTokens = Math.max(1, Math.round(random.logNormal(250, 0.6)));
  const ttftMs = random.logNormal(model.ttftMs, 0.25) * load;
  const generationMs = (outputTokens / model.tokensPerSecond) * 1000 * random.logNormal(1, 0.1);

  const request: SyntheticRequest = {
    startMs,
    model: model.name,
    provider: model.provider,
    otelProvider: model.otelProvider,
    version: model.version,
    ttftMs,
    latencyMs: ttftMs + generationMs,
    inputTokens,
    outputTokens,
    httpStatus: 200,
    errorType: null,
  };

  const failure = random.next();
  if (failure < 0.015) {
    // 60% of failures are rate limits, 27% server errors, 13% gateway timeouts.
    if (failure < 0.009) request.httpStatus = 429;
    else if (failure < 0.013) request.httpStatus = 500;
    else request.httpStatus = 504;
    request.errorType = request.httpStatus === 504 ? "timeout" : String(request.httpStatus);
    request.outputTokens = null;
    request.ttftMs = null;
    request.latencyMs = request.httpStatus === 504 ? 60_000 : random.logNormal(300, 0.5);
  }
  return request;
}

function applyPlantedChanges(
  request: SyntheticRequest,
  day: number,
  regressionDay: number,
  factor: number,
  versionChangeDay: number,
  newVersion: string,
  startMs: number,
): void {
  if (day === regressionDay && request.model === "gpt-4o" && request.errorType === null) {
    request.ttftMs = request.ttftMs! * factor;
    request.latencyMs *= factor;
  }
  const changeMs = startMs + versionChangeDay * 86_400_000 + 14 * 3_600_000;
  if (request.model === "claude-sonnet-4-5" && request.startMs >= changeMs) request.version = newVersion;
}

function pick<T>(random: SeededRandom, items: readonly T[], weights: readonly number[]): T {
  const total = weights.reduce((sum, w) => sum + w, 0);
  let target = random.next() * total;
  for (let i = 0; i < items.length; i++) {
    target -= weights[i];
    if (target < 0) return items[i];
  }
  return items[items.length - 1];
}

function dayString(startMs: number, day: number): string {
  return new Date(startMs + day * 86_400_000).toISOString().slice(0, 10);
}

function checkOptions(
  options: GenerateOptions,
  rows: number,
  days: number,
  startDate: string,
  regressionDay: number,
  versionChangeDay: number,
  badRows: number,
): void {
  if (typeof options.path !== "string" || options.path === "") throw new TypeError("generateProductionLog: path is required");
  if (!["jsonl", "csv", "otel"].includes(options.format)) {
    throw new RangeError(`generateProductionLog: format must be jsonl, csv or otel, got ${JSON.stringify(options.format)}`);
  }
  if (!Number.isInteger(days) || days < 2) {
    throw new RangeError(`generateProductionLog: days must be a whole number ≥ 2, got ${days}`);
  }
  if (!Number.isInteger(rows) || rows < days) {
    throw new RangeError(`generateProductionLog: rows must be a whole number ≥ days (${days}), got ${rows}`);
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(startDate) || Number.isNaN(Date.parse(startDate))) {
    throw new RangeError(`generateProductionLog: startDate must be YYYY-MM-DD, got ${JSON.stringify(startDate)}`);
  }
  for (const [name, day] of [["regressionDay", regressionDay], ["versionChangeDay", versionChangeDay]] as const) {
    if (!Number.isInteger(day) || day < 1 || day >= days) {
      throw new RangeError(`generateProductionLog: ${name} must be a whole number from 1 to ${days - 1}, got ${day}`);
    }
  }
  if (!Number.isInteger(badRows) || badRows < 0 || badRows > rows) {
    throw new RangeError(`generateProductionLog: badRows must be a whole number from 0 to rows, got ${badRows}`);
  }
}

/** Buffers formatted records and tracks line numbers, so planted bad rows can be located. */
class RecordWriter {
  #buffer: string[] = [];
  #spans: SyntheticRequest[] = [];
  #encoder = new TextEncoder();
  line = 0;

  constructor(readonly file: Deno.FsFile, readonly format: LogRecordFormat) {}

  async header(): Promise<void> {
    if (this.format === "csv") await this.#push(GENERATED_CSV_HEADER);
  }

  async write(request: SyntheticRequest): Promise<void> {
    if (this.format !== "otel") return this.#push(formatLogRecord(this.format, request));
    this.#spans.push(request);
    if (this.#spans.length === SPANS_PER_REQUEST) await this.#flushSpans();
  }

  async writeBad(index: number): Promise<{ line: number; problem: string }> {
    if (this.format === "otel") await this.#flushSpans();
    const bad = badLogRecord(this.format, index);
    await this.#push(bad.text);
    return { line: this.line, problem: bad.problem };
  }

  async close(): Promise<void> {
    if (this.format === "otel") await this.#flushSpans();
    await this.#flush();
  }

  async #flushSpans(): Promise<void> {
    if (this.#spans.length === 0) return;
    const text = formatOtelRequest(this.#spans);
    this.#spans = [];
    await this.#push(text);
  }

  async #push(text: string): Promise<void> {
    this.#buffer.push(text);
    this.line++;
    if (this.#buffer.length >= 2000) await this.#flush();
  }

  async #flush(): Promise<void> {
    if (this.#buffer.length === 0) return;
    const bytes = this.#encoder.encode(this.#buffer.join("\n") + "\n");
    this.#buffer = [];
    let offset = 0;
    while (offset < bytes.length) offset += await this.file.write(bytes.subarray(offset));
  }
}
