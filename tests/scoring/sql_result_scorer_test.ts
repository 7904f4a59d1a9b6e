import assert from "node:assert/strict";
import { join } from "node:path";
import type { DatasetItem } from "../../lib/datasets/schema.ts";
import { checkSqlStatement } from "../../lib/scoring/check_sql_statement.ts";
import { compareResultSets } from "../../lib/scoring/compare_result_sets.ts";
import { scoreItem } from "../../lib/scoring/score_item.ts";

function sqlItem(expectedSql: string, orderMatters: boolean, extra: Record<string, unknown> = {}): DatasetItem {
  return {
    id: "sql-test",
    kind: "sql",
    messages: [{ role: "user", content: "q" }],
    reference: "",
    scorer: { name: "sql-result", database: "shop", expected_sql: expectedSql, order_matters: orderMatters, ...extra },
    tags: [],
  };
}

const BY_COUNTRY = "SELECT country, COUNT(*) FROM customers GROUP BY country ORDER BY COUNT(*) DESC, country";

Deno.test("sql-result scorer equal result in other row order", async () => {
  const grade = await scoreItem(sqlItem(BY_COUNTRY, false), "```sql\nSELECT country, COUNT(*) FROM customers GROUP BY country;\n```");
  assert.equal(grade.pass, true, grade.reason);
  assert.equal(grade.score, 1);
});

Deno.test("sql-result scorer order matters", async () => {
  const grade = await scoreItem(sqlItem(BY_COUNTRY, true), "SELECT country, COUNT(*) FROM customers GROUP BY country ORDER BY country");
  assert.equal(grade.pass, false);
  assert.match(grade.reason, /^same rows in a different order: row 1 is \["FI",1\], expected \["US",7\]$/);
});

Deno.test("sql-result scorer column count differs", async () => {
  const grade = await scoreItem(sqlItem(BY_COUNTRY, false), "SELECT country FROM customers GROUP BY country");
  assert.equal(grade.pass, false);
  assert.equal(grade.reason, "columns differ: got 1 (country), expected 2 (country, COUNT(*))");
});

Deno.test("sql-result scorer row count differs", async () => {
  const grade = await scoreItem(sqlItem("SELECT id FROM orders WHERE status = 'paid'", false), "SELECT id FROM orders WHERE status = 'shipped'");
  assert.equal(grade.pass, false);
  assert.equal(grade.reason, "rows differ: got 14 rows, expected 3");
});

Deno.test("sql-result scorer ignores column names", async () => {
  const grade = await scoreItem(sqlItem("SELECT COUNT(*) AS n FROM orders", false), "SELECT COUNT(id) AS order_count FROM orders");
  assert.equal(grade.pass, true, grade.reason);
});

Deno.test("sql-result scorer float tolerance", async () => {
  const item = sqlItem("SELECT AVG(quantity) FROM order_items", false);
  const grade = await scoreItem(item, "SELECT SUM(quantity) * 1.0 / COUNT(*) FROM order_items");
  assert.equal(grade.pass, true, grade.reason);
});

Deno.test("sql-result scorer rejects write statement", async () => {
  const grade = await scoreItem(sqlItem(BY_COUNTRY, false), "```sql\nDELETE FROM customers\n```");
  assert.equal(grade.pass, false);
  assert.equal(grade.reason, "not a read-only query: the statement starts with DELETE, expected SELECT, WITH or VALUES");
});

Deno.test("sql-result scorer rejects write inside WITH", async () => {
  const grade = await scoreItem(sqlItem(BY_COUNTRY, false), "WITH gone AS (SELECT 1) DELETE FROM customers");
  assert.equal(grade.pass, false);
  assert.equal(grade.reason, "write statement rejected: attempt to write a readonly database");
});

Deno.test("sql-result scorer rejects two statements", async () => {
  const grade = await scoreItem(sqlItem(BY_COUNTRY, false), "SELECT 1; DROP TABLE customers;");
  assert.equal(grade.pass, false);
  assert.equal(grade.reason, "expected one statement, got 2 separated by ';'");
});

Deno.test("sql-result scorer reports SQL error", async () => {
  const grade = await scoreItem(sqlItem(BY_COUNTRY, false), "SELECT nope FROM customers");
  assert.equal(grade.pass, false);
  assert.equal(grade.reason, "query failed: no such column: nope");
});

Deno.test("sql-result scorer stops runaway query", async () => {
  const endless = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT COUNT(*) FROM n";
  const grade = await scoreItem(sqlItem(BY_COUNTRY, false, { timeout_ms: 1_000 }), endless);
  assert.equal(grade.pass, false);
  assert.equal(grade.reason, "query did not finish: timed out after 1000 ms and was killed");
});

Deno.test("sql-result scorer rejects attach", async () => {
  const grade = await scoreItem(sqlItem(BY_COUNTRY, false), "ATTACH DATABASE '/tmp/other.db' AS other");
  assert.equal(grade.pass, false);
  assert.equal(grade.reason, "not a read-only query: the statement starts with ATTACH, expected SELECT, WITH or VALUES");
});

Deno.test("sql-result scorer throws on broken reference", async () => {
  await assert.rejects(scoreItem(sqlItem("SELECT missing FROM customers", false), "SELECT 1"), /reference query failed: no such column: missing/);
});

Deno.test("sql-result scorer reads database from datasetsDir", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await Deno.mkdir(join(dir, "sql"));
    await Deno.writeTextFile(join(dir, "sql", "shop.sql"), "CREATE TABLE t (v INTEGER); INSERT INTO t VALUES (7);");
    const grade = await scoreItem(sqlItem("SELECT v FROM t", false), "SELECT 7", { datasetsDir: dir });
    assert.equal(grade.pass, true, grade.reason);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("checkSqlStatement keeps semicolon in string", () => {
  assert.deepEqual(checkSqlStatement("SELECT ';' AS s;"), { ok: true, sql: "SELECT ';' AS s" });
});

Deno.test("checkSqlStatement skips comments", () => {
  assert.deepEqual(checkSqlStatement("-- count rows; fast\nSELECT 1 /* ; */;\n-- done"), {
    ok: true,
    sql: "-- count rows; fast\nSELECT 1 /* ; */",
  });
});

Deno.test("checkSqlStatement rejects pragma", () => {
  const check = checkSqlStatement("PRAGMA query_only = OFF");
  assert.equal(check.ok, false);
});

Deno.test("checkSqlStatement rejects empty input", () => {
  assert.deepEqual(checkSqlStatement(" ; -- nothing"), { ok: false, reason: "no SQL statement in the output" });
});

Deno.test("compareResultSets counts duplicate rows", () => {
  const comparison = compareResultSets(
    { columns: ["a"], rows: [[1], [1], [2]] },
    { columns: ["a"], rows: [[1], [2], [2]] },
    false,
  );
  assert.equal(comparison.equal, false);
  assert.equal(comparison.reason, "rows differ: the same rows occur a different number of times");
});

Deno.test("compareResultSets null equals null", () => {
  const comparison = compareResultSets({ columns: ["a"], rows: [[null]] }, { columns: ["b"], rows: [[null]] }, true);
  assert.equal(comparison.equal, true);
});

Deno.test("compareResultSets integer and text differ", () => {
  const comparison = compareResultSets({ columns: ["a"], rows: [["3"]] }, { columns: ["a"], rows: [[3]] }, false);
  assert.equal(comparison.equal, false);
});
