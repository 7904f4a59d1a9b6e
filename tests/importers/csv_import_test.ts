import assert from "node:assert/strict";
import { importLog } from "../../lib/importers/import_log.ts";
import { parseColumnMap } from "../../lib/importers/parse_column_map.ts";
import { loadImportedTrials } from "../../lib/trends/load_imported_trials.ts";
import { writeTempFile, writeTestPrices } from "./_temp_files.ts";

const MAP = "timestamp=ts,model=model_name,latency_ms=duration,ttft_ms=first_token,status=result";

const CSV = [
  "ts,model_name,duration,first_token,input_tokens,output_tokens,result,error_message",
  "2026-03-01T10:00:00Z,gpt-4o,1200,300,1000,500,ok,",
  '2026-03-01T10:00:01Z,gpt-4o,900,,10,,500,"upstream said: ""busy""',
  'please retry"',
  "2026-03-01T10:00:02Z,gpt-4o,900",
  "2026-03-01T10:00:03Z,gpt-4o,slow,,10,5,ok,",
  "",
  '2026-03-01T10:00:04Z,gpt-4o,700,200,10,5,o"k,',
  '2026-03-01T10:00:05Z,"gemini-2.5-flash,800,,10,5,ok,',
  "2026-03-01T10:00:06Z,gemini-2.5-flash,700,200,10,5,ok,",
].join("\n") + "\n";

async function runImport(map = MAP) {
  const path = await writeTempFile("export.csv", CSV);
  const importsDir = await Deno.makeTempDir({ prefix: "imports-" });
  const result = await importLog({
    name: "csv-test",
    format: "csv",
    files: [path],
    columnMap: parseColumnMap(map),
    pricesPath: await writeTestPrices(),
    importsDir,
  });
  return { path, result };
}

Deno.test("csv import counts records, rows and bad rows", async () => {
  const { result } = await runImport();
  assert.equal(result.records, 7);
  assert.equal(result.imported, 3);
  assert.equal(result.bad, 4);
});

Deno.test("csv import reports bad rows by line", async () => {
  const { result } = await runImport();
  assert.deepEqual(result.badRows.map((row) => row.line), [5, 6, 8, 9]);
});

Deno.test("csv import gives each bad row its reason", async () => {
  const { result } = await runImport();
  assert.deepEqual(result.badRows.map((row) => row.reason), [
    "row has a different number of fields than the header (3, header has 8)",
    'latency_ms is not a number ≥ 0 (got "slow")',
    "malformed CSV: a quote inside an unquoted field at column 43",
    "malformed CSV: a quoted field is never closed",
  ]);
});

Deno.test("csv import counts bad rows per rule", async () => {
  const { result } = await runImport();
  assert.deepEqual(result.badByRule, {
    "row has a different number of fields than the header": 1,
    "latency_ms is not a number ≥ 0": 1,
    "malformed CSV": 2,
  });
});

Deno.test("csv import reads a quoted field across lines", async () => {
  const { result } = await runImport();
  const trials = (await loadImportedTrials(result.outDir)).toRecords();
  assert.equal(trials[1].error_message, 'upstream said: "busy"\nplease retry');
  assert.equal(trials[1].error_class, "server");
});

Deno.test("csv import resumes after an unclosed quote", async () => {
  const { result } = await runImport();
  const trials = (await loadImportedTrials(result.outDir)).toRecords();
  assert.equal(trials[2].source, `${result.files[0].file}:10`);
  assert.equal(trials[2].model, "google:gemini-2.5-flash");
});

Deno.test("csv import reads unmapped fields by their own name", async () => {
  const { result } = await runImport();
  const trials = (await loadImportedTrials(result.outDir)).toRecords();
  assert.equal(trials[0].input_tokens, 1000);
  assert.equal(trials[0].output_tokens, 500);
});

Deno.test("csv import rejects a mapped column missing from the header", async () => {
  await assert.rejects(
    runImport(`${MAP},model_version=version`),
    /--map column "version" for field model_version is not in the header/,
  );
});

Deno.test("csv import rejects a header without a required field", async () => {
  await assert.rejects(runImport("timestamp=ts,model=model_name,status=result"), /no column for required field\(s\) latency_ms/);
});

Deno.test("parseColumnMap rejects an unknown field", () => {
  assert.throws(() => parseColumnMap("when=ts"), /--map names unknown field "when"/);
});

Deno.test("parseColumnMap rejects a pair without =", () => {
  assert.throws(() => parseColumnMap("timestamp"), /is not field=column/);
});

Deno.test("csv import rereads lines merged by a stray quote", async () => {
  const csv = [
    "timestamp,model,latency_ms,status",
    '2026-03-01T10:00:00Z,"gpt-4o,100,ok',
    "2026-03-01T10:00:01Z,gpt-4o,200,ok",
    '2026-03-01T10:00:02Z,gpt-4o,300,ok"',
    "2026-03-01T10:00:03Z,gpt-4o,400,ok",
  ].join("\n") + "\n";
  const path = await writeTempFile("stray.csv", csv);
  const result = await importLog({
    name: "stray",
    format: "csv",
    files: [path],
    pricesPath: await writeTestPrices(),
    importsDir: await Deno.makeTempDir({ prefix: "imports-" }),
  });
  assert.deepEqual(result.badRows.map((row) => `${row.line}: ${row.reason}`), [
    "2: malformed CSV: a quoted field spans 3 lines and leaves 2 fields (header has 4)",
    "4: malformed CSV: a quote inside an unquoted field at column 35",
  ]);
  assert.equal(result.imported, 2);
  assert.equal(result.records, 4);
});
