import type { BadRowLog } from "./bad_row_log.ts";
import { emptyFileStats, type FileStats } from "./file_stats.ts";
import { ImportError } from "./import_error.ts";
import { locateSpanLines } from "./locate_span_lines.ts";
import { otelSpanToRow } from "./otel_span_to_row.ts";
import { readLines } from "./read_lines.ts";
import { RowError } from "./row_error.ts";
import type { TrialCollector } from "./trial_collector.ts";

/**
 * Imports OpenTelemetry spans exported as OTLP JSON (`{"resourceSpans": [{"scopeSpans":
 * [{"spans": [...]}]}]}`). Reads both layouts that exporters write. A file with one export
 * request per line (the Collector's file exporter) is streamed. A single JSON document is read
 * whole, because a document must be parsed at once.
 *
 * Each span with GenAI inference attributes becomes a trial (see `otelSpanToRow`), and other
 * spans are counted as skipped. A bad span or line goes to `badRows` with the line it starts
 * on, and the import continues. Throws {@link ImportError} when a single-document file is not
 * valid JSON.
 */
export async function importOtelSpans(path: string, collector: TrialCollector, badRows: BadRowLog): Promise<FileStats> {
  const stats = emptyFileStats(path);
  if (await isSingleDocument(path)) {
    const text = await Deno.readTextFile(path);
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch (error) {
      throw new ImportError(
        `OTLP JSON file ${path} is not valid JSON (${(error as Error).message})`,
        path,
        "export the spans again, or write one export request per line so that one broken line costs only that line",
        { cause: error },
      );
    }
    const spanLines = locateSpanLines(text);
    let index = 0;
    for (const span of spansOf(document, path, 1, badRows, stats)) {
      const line = spanLines[index] ?? 1;
      addSpan(span, path, line, `${path}:${line}`, collector, badRows, stats);
      index++;
    }
    return stats;
  }

  for await (const { line, text } of readLines(path)) {
    if (text.trim() === "") continue;
    let request: unknown;
    try {
      request = JSON.parse(text);
    } catch {
      stats.records++;
      stats.bad++;
      badRows.add(path, line, "line is not valid JSON", "line is not valid JSON");
      continue;
    }
    let index = 0;
    for (const span of spansOf(request, path, line, badRows, stats)) {
      addSpan(span, path, line, `${path}:${line}#${index}`, collector, badRows, stats);
      index++;
    }
  }
  return stats;
}

// The Collector's file exporter writes one request per line; a pretty-printed export does
// not, so none of its first lines parses alone. Looking at three lines keeps one broken
// first line of a line-per-request file from being taken for a document.
async function isSingleDocument(path: string): Promise<boolean> {
  let seen = 0;
  for await (const { text } of readLines(path)) {
    if (text.trim() === "") continue;
    try {
      const value = JSON.parse(text);
      if (value !== null && typeof value === "object") return false;
    } catch {
      // Not a whole request on this line.
    }
    if (++seen === 3) break;
  }
  return seen > 0;
}

function* spansOf(request: unknown, path: string, line: number, badRows: BadRowLog, stats: FileStats): Generator<unknown> {
  const resourceSpans = (request as { resourceSpans?: unknown } | null)?.resourceSpans;
  if (!Array.isArray(resourceSpans)) {
    const rule = "export request has no resourceSpans array";
    stats.records++;
    stats.bad++;
    badRows.add(path, line, rule, rule);
    return;
  }
  for (const resource of resourceSpans) {
    const scopes = (resource as { scopeSpans?: unknown } | null)?.scopeSpans;
    if (!Array.isArray(scopes)) continue;
    for (const scope of scopes) {
      const spans = (scope as { spans?: unknown } | null)?.spans;
      if (Array.isArray(spans)) yield* spans;
    }
  }
}

function addSpan(
  span: unknown,
  path: string,
  line: number,
  source: string,
  collector: TrialCollector,
  badRows: BadRowLog,
  stats: FileStats,
): void {
  stats.records++;
  try {
    const row = otelSpanToRow(span);
    if ("skipped" in row) {
      stats.skipped[row.skipped] = (stats.skipped[row.skipped] ?? 0) + 1;
      return;
    }
    collector.add(row, source);
    stats.imported++;
  } catch (error) {
    if (!(error instanceof RowError)) throw error;
    stats.bad++;
    badRows.add(path, line, error.reason, error.rule);
  }
}
