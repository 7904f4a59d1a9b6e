import pl from "nodejs-polars";
import { join } from "node:path";
import { IMPORTED_COLUMNS, IMPORTED_SCHEMA } from "../importers/imported_columns.ts";

/**
 * Reads an import written by `importLog`: the import's folder (holding `trials.parquet` or
 * `trials.jsonl`) or one of those files. Returns the frame typed by `IMPORTED_SCHEMA`.
 * Throws an Error naming the path and the fix when no trials file is there.
 */
export async function loadImportedTrials(path: string): Promise<pl.DataFrame> {
  if (typeof path !== "string" || path === "") {
    throw new TypeError("loadImportedTrials: path must be an import folder such as reports/imports/<name>");
  }
  const file = await findTrialsFile(path);
  const frame = file.endsWith(".parquet") ? pl.readParquet(file) : pl.scanJson(file).collectSync();
  const missing = IMPORTED_COLUMNS.filter((name) => !frame.columns.includes(name));
  if (missing.length > 0) {
    throw new Error(
      `${file} lacks column(s) ${missing.join(", ")}. Fix: write it with deno task import-logs (lib/importers/import_log.ts).`,
    );
  }
  return frame.select(...IMPORTED_COLUMNS.map((name) => pl.col(name).cast(IMPORTED_SCHEMA[name])));
}

async function findTrialsFile(path: string): Promise<string> {
  const info = await Deno.stat(path).catch(() => null);
  if (info?.isFile) return path;
  if (info?.isDirectory) {
    for (const name of ["trials.parquet", "trials.jsonl"]) {
      const candidate = join(path, name);
      if ((await Deno.stat(candidate).catch(() => null))?.isFile) return candidate;
    }
  }
  throw new Error(
    `no imported trials at ${path}. Fix: pass reports/imports/<name> (it contains trials.parquet or trials.jsonl), ` +
      `written by deno task import-logs.`,
  );
}
