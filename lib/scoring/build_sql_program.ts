/**
 * Rows kept of one query result; a larger result is cut and marked `capped`. The rows are
 * read with `all()` because `iterate()` in Deno's node:sqlite (2.9.6) ends without an
 * error when a step fails, e.g. on a write under `query_only`.
 */
export const MAX_RESULT_ROWS = 10_000;

/**
 * Build a TypeScript program that runs each query against its own fresh in-memory
 * `node:sqlite` database created from `script`, opened with `PRAGMA query_only = ON`.
 *
 * It prints one line per query, starting with `tag`:
 * `{index, ok: true, columns, rows, capped}` or `{index, ok: false, error}`. Rows are
 * arrays of values; a BLOB becomes `{blob: "<hex>"}`. A failing `script` prints
 * `{kind: "setup-error", error}` and runs no query.
 */
export function buildSqlProgram(script: string, queries: string[], tag: string): string {
  if (!/^[A-Za-z0-9]{8,}$/.test(tag)) {
    throw new RangeError(`tag must be at least 8 letters or digits, got ${JSON.stringify(tag)}`);
  }
  return `import { DatabaseSync } from "node:sqlite";
const tag = ${JSON.stringify(tag)};
const script = ${JSON.stringify(script)};
const queries = ${JSON.stringify(queries)};
const maxRows = ${MAX_RESULT_ROWS};
const encoder = new TextEncoder();
const emit = (record) => {
  const bytes = encoder.encode(tag + JSON.stringify(record) + "\\n");
  let offset = 0;
  while (offset < bytes.length) offset += Deno.stdout.writeSync(bytes.subarray(offset));
};
const encode = (value) => {
  if (value instanceof Uint8Array) return { blob: [...value].map((byte) => byte.toString(16).padStart(2, "0")).join("") };
  if (typeof value === "bigint") return Number(value);
  return value;
};
const open = () => {
  const db = new DatabaseSync(":memory:");
  db.exec(script);
  db.exec("PRAGMA query_only = ON");
  return db;
};
try {
  open().close();
} catch (error) {
  emit({ kind: "setup-error", error: String(error?.message ?? error) });
  Deno.exit(0);
}
for (const [index, sql] of queries.entries()) {
  const db = open();
  try {
    const statement = db.prepare(sql);
    statement.setReturnArrays(true);
    const columns = statement.columns().map((column) => column.name);
    const all = statement.all();
    const rows = all.slice(0, maxRows).map((row) => row.map(encode));
    emit({ index, ok: true, columns, rows, capped: all.length > maxRows });
  } catch (error) {
    emit({ index, ok: false, error: String(error?.message ?? error) });
  } finally {
    db.close();
  }
}
`;
}
