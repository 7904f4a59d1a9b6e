import { z } from "zod";
import type { DatasetItem } from "../datasets/schema.ts";
import type { Grade } from "../runner/record.ts";
import { buildSqlProgram } from "./build_sql_program.ts";
import { checkSqlStatement } from "./check_sql_statement.ts";
import { compareResultSets, type ResultSet } from "./compare_result_sets.ts";
import { extractCodeBlock } from "./extract_code_block.ts";
import { loadSqlScript, sqlScriptPath } from "./load_sql_script.ts";
import { noResponseGrade } from "./no_response_grade.ts";
import { readTaggedLines } from "./read_tagged_lines.ts";
import { runSandboxed } from "./run_sandboxed.ts";
import type { ItemProblem, ScoreOptions, Scorer } from "./scorer.ts";

const SQL_LANGUAGES = ["sql", "sqlite"];
const MAX_OUTPUT_BYTES = 8 * 1024 * 1024;

const settingsSchema = z.object({
  name: z.literal("sql-result"),
  /** Database file `sql/<database>.sql` next to the dataset file. */
  database: z.string().regex(/^[A-Za-z0-9_-]+$/, "database must name a file in sql/ without .sql, e.g. shop"),
  /** Reference query whose result is the expected result. */
  expected_sql: z.string().min(1),
  /** Compare rows in order (for questions that ask for an ordering). */
  order_matters: z.boolean(),
  timeout_ms: z.int().positive().max(120_000).default(10_000),
}).superRefine((settings, context) => {
  const check = checkSqlStatement(settings.expected_sql);
  if (!check.ok) context.addIssue({ code: "custom", path: ["expected_sql"], message: check.reason });
});

interface QueryRecord {
  index: number;
  ok: boolean;
  columns?: string[];
  rows?: unknown[][];
  capped?: boolean;
  error?: string;
}

/**
 * Scorer for SQL tasks: the output's query (the first ```sql block, else the whole
 * output) and the reference query run in the sandbox, each on a fresh in-memory SQLite
 * database built from the item's `.sql` file, and their results are compared with
 * `compareResultSets`. Pass means equal results; score is 1 or 0.
 *
 * Throws when the database script or the reference query fails, because that is a fault
 * of the dataset, not of the model.
 */
export const sqlResultScorer: Scorer = {
  name: "sql-result",
  settings: settingsSchema,
  async score(item: DatasetItem, output: string, options: ScoreOptions = {}): Promise<Grade> {
    const empty = noResponseGrade(output);
    if (empty) return empty;

    const settings = settingsSchema.parse(item.scorer);
    const statement = checkSqlStatement(extractCodeBlock(output, SQL_LANGUAGES));
    if (!statement.ok) return { pass: false, score: 0, reason: statement.reason };

    const script = await loadSqlScript(settings.database, options.datasetsDir);
    const tag = crypto.randomUUID().replaceAll("-", "");
    const run = await runSandboxed(buildSqlProgram(script, [statement.sql, settings.expected_sql], tag), {
      timeoutMs: settings.timeout_ms,
      maxOutputBytes: MAX_OUTPUT_BYTES,
      signal: options.signal,
    });
    const records = readTaggedLines(run.stdout, tag);

    const setupError = records.find((record) => record.kind === "setup-error");
    if (setupError) {
      throw new Error(`item ${item.id}: database "${settings.database}" script failed: ${setupError.error}`);
    }
    const [got, reference] = [0, 1].map((index) => records.find((record) => record.index === index)) as
      (QueryRecord | undefined)[];
    if (got === undefined) {
      return { pass: false, score: 0, reason: `query did not finish: ${run.reason ?? "no result was printed"}` };
    }
    if (!got.ok) return { pass: false, score: 0, reason: describeQueryError(got.error ?? "unknown error") };
    if (reference === undefined || !reference.ok) {
      const failure = reference?.error ?? run.reason ?? "no result was printed";
      throw new Error(`item ${item.id}: reference query failed: ${failure}; fix expected_sql`);
    }

    const comparison = compareResultSets(got as ResultSet, reference as ResultSet, settings.order_matters);
    const capped = got.capped ? ` (result cut at ${got.rows?.length} rows)` : "";
    if (!comparison.equal) return { pass: false, score: 0, reason: comparison.reason + capped };
    const rowCount = got.rows?.length ?? 0;
    const order = settings.order_matters ? ", in order" : "";
    return { pass: true, score: 1, reason: `results are equal: ${rowCount} rows × ${got.columns?.length} columns${order}` };
  },
  async check(item: DatasetItem, options: { datasetsDir: string }): Promise<ItemProblem | null> {
    const settings = settingsSchema.parse(item.scorer);
    const path = sqlScriptPath(settings.database, options.datasetsDir);
    try {
      await Deno.stat(path);
      return null;
    } catch {
      return {
        field: "scorer.database",
        rule: `database file ${path} not found`,
        fix: `add ${path} with the CREATE TABLE and INSERT statements, or name an existing database`,
      };
    }
  },
};

function describeQueryError(error: string): string {
  if (/readonly database/i.test(error)) return `write statement rejected: ${error}`;
  return `query failed: ${error}`;
}
