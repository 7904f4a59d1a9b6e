import { escapeHtml } from "../report/escape_html.ts";
import type { MimeBundle } from "./notebook_types.ts";

/** The parts of a nodejs-polars DataFrame that the table display reads. */
export interface FrameLike {
  readonly height: number;
  readonly width: number;
  readonly columns: string[];
  readonly dtypes: unknown[];
  head(length: number): FrameLike;
  toRecords(): Record<string, unknown>[];
  toString(): string;
}

/** Options of `frameBundle` and `displayFrame`. */
export interface FrameDisplayOptions {
  /** Maximum rows shown; the rest are counted in the truncation note. Default 20. */
  maxRows?: number;
  /** Text shown above the table. */
  caption?: string;
}

const DEFAULT_MAX_ROWS = 20;
const NUMBER_FORMAT = new Intl.NumberFormat("en-US");

/**
 * Builds the MIME bundle for a DataFrame: `text/html` (a table with a caption, the row and
 * column count and, when rows are cut, a note like "showing 20 of 1,234 rows") and
 * `text/plain` (polars' own table text plus the same note). Every value is HTML-escaped.
 */
export function frameBundle(df: FrameLike, options: FrameDisplayOptions = {}): MimeBundle {
  if (df === null || typeof df !== "object" || typeof df.height !== "number" || typeof df.head !== "function") {
    throw new TypeError("frameBundle: df must be a nodejs-polars DataFrame");
  }
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  if (!Number.isInteger(maxRows) || maxRows < 0) {
    throw new RangeError(`frameBundle: maxRows must be a whole number ≥ 0, got ${maxRows}`);
  }
  if (options.caption !== undefined && typeof options.caption !== "string") {
    throw new TypeError("frameBundle: caption must be a string");
  }

  const headRows = df.height > maxRows ? df.head(maxRows) : df;
  const summary = describeSize(df, headRows.height);
  const html = renderHtml(df, headRows, summary, options.caption);
  // polars starts its text with the shape of the frame it prints, which is the cut one here.
  const table = headRows.toString().replace(/^shape: \(.*\)\n/, "");
  const plain = [options.caption, table, summary].filter((part) => part !== undefined).join("\n");
  return { "text/html": html, "text/plain": plain };
}

function describeSize(df: FrameLike, keptRows: number): string {
  const rows = `${NUMBER_FORMAT.format(df.height)} row${df.height === 1 ? "" : "s"}`;
  const columns = `${NUMBER_FORMAT.format(df.width)} column${df.width === 1 ? "" : "s"}`;
  if (keptRows >= df.height) return `${rows} × ${columns}`;
  return `${rows} × ${columns}, showing ${NUMBER_FORMAT.format(keptRows)} of ${rows}`;
}

function renderHtml(df: FrameLike, headRows: FrameLike, summary: string, caption: string | undefined): string {
  const header = df.columns
    .map((name, i) => `<th>${escapeHtml(name)}<br><small>${escapeHtml(dtypeName(df.dtypes[i]))}</small></th>`)
    .join("");
  const body = headRows.toRecords()
    .map((record) => `<tr>${df.columns.map((name) => renderCell(record[name])).join("")}</tr>`)
    .join("\n");
  const captionHtml = caption === undefined ? "" : `<caption>${escapeHtml(caption)}</caption>`;
  return [
    `<table class="dataframe">${captionHtml}`,
    `<thead><tr>${header}</tr></thead>`,
    `<tbody>\n${body}\n</tbody>`,
    `</table>`,
    `<p class="dataframe-size">${escapeHtml(summary)}</p>`,
  ].join("\n");
}

function renderCell(value: unknown): string {
  if (value === null || value === undefined) return `<td><i>null</i></td>`;
  const align = typeof value === "number" || typeof value === "bigint" ? ` style="text-align:right"` : "";
  return `<td${align}>${escapeHtml(formatValue(value))}</td>`;
}

function formatValue(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") {
    return JSON.stringify(value, (_, inner) => typeof inner === "bigint" ? String(inner) : inner);
  }
  return String(value);
}

function dtypeName(dtype: unknown): string {
  // nodejs-polars prints dtypes as "DataType(Float64)"; the inner name is what readers know.
  const text = String(dtype);
  return text.match(/^DataType\((.*)\)$/)?.[1] ?? text;
}
