import assert from "node:assert/strict";
import { join } from "node:path";
import { GENERATED_CSV_MAP } from "../../lib/importers/format_log_record.ts";
import { generateProductionLog } from "../../lib/importers/generate_production_log.ts";
import { importLog } from "../../lib/importers/import_log.ts";
import { parseColumnMap } from "../../lib/importers/parse_column_map.ts";
import { writeTestPrices } from "./_temp_files.ts";

for (const format of ["jsonl", "csv", "otel"] as const) {
  Deno.test(`generated ${format} log imports with its planted bad rows`, async () => {
    const dir = await Deno.makeTempDir({ prefix: "generated-log-" });
    const log = await generateProductionLog({
      path: join(dir, `log.${format}`),
      format,
      rows: 3000,
      days: 10,
      regressionDay: 4,
      versionChangeDay: 6,
      badRows: 6,
    });
    const result = await importLog({
      name: `generated-${format}`,
      format,
      files: [log.path],
      columnMap: format === "csv" ? parseColumnMap(GENERATED_CSV_MAP) : undefined,
      pricesPath: await writeTestPrices(),
      importsDir: join(dir, "imports"),
    });
    await Deno.remove(dir, { recursive: true });
    assert.equal(result.imported, 3000);
    assert.equal(result.bad, 6);
    assert.deepEqual(result.badRows.map((row) => row.line), log.badLines.map((bad) => bad.line));
  });
}

Deno.test("generated log is the same for the same seed", async () => {
  const dir = await Deno.makeTempDir({ prefix: "generated-log-" });
  const options = { format: "jsonl" as const, rows: 500, days: 5, regressionDay: 2, versionChangeDay: 3, seed: 7 };
  await generateProductionLog({ ...options, path: join(dir, "a.jsonl") });
  await generateProductionLog({ ...options, path: join(dir, "b.jsonl") });
  const [a, b] = [await Deno.readTextFile(join(dir, "a.jsonl")), await Deno.readTextFile(join(dir, "b.jsonl"))];
  await Deno.remove(dir, { recursive: true });
  assert.equal(a, b);
});

Deno.test("generated log rejects a regression day outside the range", async () => {
  await assert.rejects(
    generateProductionLog({ path: "/tmp/unused.jsonl", format: "jsonl", rows: 100, days: 5, regressionDay: 5 }),
    /regressionDay must be a whole number from 1 to 4/,
  );
});
