/** Outcome of checking model SQL before it runs. */
export type SqlStatementCheck =
  | { ok: true; sql: string }
  | { ok: false; reason: string };

const READ_KEYWORDS = new Set(["SELECT", "WITH", "VALUES"]);

/**
 * Check that `sql` is one read-only query (it starts with SELECT, WITH or VALUES) and
 * return it without its trailing semicolons.
 *
 * Quoted strings, quoted identifiers and comments are skipped while looking for `;`, so
 * `SELECT ';'` is one statement. A WITH clause can still hold a write (`WITH x AS (…)
 * DELETE …`); the database is opened with `PRAGMA query_only` to reject those.
 */
export function checkSqlStatement(sql: string): SqlStatementCheck {
  if (typeof sql !== "string") throw new TypeError(`sql must be a string, got ${typeof sql}`);

  const statements = splitStatements(sql).filter((statement) => stripComments(statement).trim() !== "");
  if (statements.length === 0) return { ok: false, reason: "no SQL statement in the output" };
  if (statements.length > 1) {
    return { ok: false, reason: `expected one statement, got ${statements.length} separated by ';'` };
  }

  const statement = statements[0].trim();
  const keyword = stripComments(statement).trim().replace(/^\(+\s*/, "").match(/^[A-Za-z]+/)?.[0].toUpperCase();
  if (keyword === undefined || !READ_KEYWORDS.has(keyword)) {
    return {
      ok: false,
      reason: `not a read-only query: the statement starts with ${keyword ?? JSON.stringify(statement.slice(0, 20))}` +
        ", expected SELECT, WITH or VALUES",
    };
  }
  return { ok: true, sql: statement };
}

// Walk the text once and cut it at every ';' outside quotes and comments.
function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let start = 0;
  let index = 0;
  while (index < sql.length) {
    const char = sql[index];
    const next = sql[index + 1];
    if (char === "'" || char === '"' || char === "`") {
      index = skipQuoted(sql, index, char);
    } else if (char === "[") {
      const end = sql.indexOf("]", index + 1);
      index = end === -1 ? sql.length : end + 1;
    } else if (char === "-" && next === "-") {
      const end = sql.indexOf("\n", index);
      index = end === -1 ? sql.length : end + 1;
    } else if (char === "/" && next === "*") {
      const end = sql.indexOf("*/", index + 2);
      index = end === -1 ? sql.length : end + 2;
    } else if (char === ";") {
      statements.push(sql.slice(start, index));
      start = index + 1;
      index += 1;
    } else {
      index += 1;
    }
  }
  statements.push(sql.slice(start));
  return statements;
}

// SQL escapes a quote inside a quoted span by doubling it.
function skipQuoted(sql: string, open: number, quote: string): number {
  let index = open + 1;
  while (index < sql.length) {
    if (sql[index] === quote) {
      if (sql[index + 1] === quote) {
        index += 2;
        continue;
      }
      return index + 1;
    }
    index += 1;
  }
  return sql.length;
}

function stripComments(sql: string): string {
  return sql.replace(/--[^\n]*/g, " ").replace(/\/\*[\s\S]*?(\*\/|$)/g, " ");
}
