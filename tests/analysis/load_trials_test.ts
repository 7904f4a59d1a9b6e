import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { loadTrials } from "../../lib/analysis/load_trials.ts";
import { TRIAL_SCHEMA } from "../../lib/analysis/trial_columns.ts";
import { TrialsFileError } from "../../lib/analysis/trials_file_error.ts";
import { makeFakeRun, trialRecord, writeTrials } from "../report/make_fake_run.ts";

async function tempRun(lines: string): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "load-trials-" });
  await Deno.writeTextFile(`${dir}/trials.jsonl`, lines);
  return dir;
}

Deno.test("loadTrials all-null columns keep their declared types", async () => {
  const dir = await Deno.makeTempDir({ prefix: "load-trials-" });
  await writeTrials(dir, [
    trialRecord({ model: "openai-compatible:m", dataset: "d", item_id: "a" }),
    trialRecord({ model: "openai-compatible:m", dataset: "d", item_id: "b" }),
  ]);
  const frame = await loadTrials(dir);
  const types = ["cost_usd", "grade_pass", "model_version", "input_tokens"].map((c) => String(frame.schema[c]));
  assert.deepEqual(types, [String(pl.Float64), String(pl.Bool), String(pl.String), String(pl.Int64)]);
});

Deno.test("loadTrials frame has exactly the declared schema", async () => {
  const parent = await Deno.makeTempDir({ prefix: "load-trials-" });
  const frame = await loadTrials(await makeFakeRun(parent));
  const actual = Object.fromEntries(Object.entries(frame.schema).map(([k, v]) => [k, String(v)]));
  const declared = Object.fromEntries(Object.entries(TRIAL_SCHEMA).map(([k, v]) => [k, String(v)]));
  assert.deepEqual(actual, declared);
});

Deno.test("loadTrials flattens grade fields", async () => {
  const dir = await Deno.makeTempDir({ prefix: "load-trials-" });
  await writeTrials(dir, [
    trialRecord({ model: "openai:gpt-4o", dataset: "d", item_id: "a", grade: { pass: false, score: 0.25, reason: "r" } }),
  ]);
  const frame = await loadTrials(dir);
  assert.equal(frame.getColumn("grade_score").get(0), 0.25);
});

Deno.test("loadTrials takes token counts from usage when top-level copies are missing", async () => {
  const record = trialRecord({ model: "openai:gpt-4o", dataset: "d", item_id: "a" }) as unknown as Record<string, unknown>;
  delete record.input_tokens;
  record.usage = { inputTokens: 1234, outputTokens: 5, reasoningTokens: null, cachedInputTokens: null, cacheWriteTokens: null };
  const frame = await loadTrials(await tempRun(JSON.stringify(record) + "\n"));
  assert.equal(frame.getColumn("input_tokens").get(0), 1234);
});

Deno.test("loadTrials marks only the last attempt of a retried trial final", async () => {
  const dir = await Deno.makeTempDir({ prefix: "load-trials-" });
  await writeTrials(dir, [
    trialRecord({ model: "openai:gpt-4o", dataset: "d", item_id: "a", attempt: 1, status: "error" }),
    trialRecord({ model: "openai:gpt-4o", dataset: "d", item_id: "a", attempt: 2 }),
  ]);
  const frame = await loadTrials(dir);
  assert.deepEqual(frame.getColumn("is_final_attempt").toArray(), [false, true]);
});

Deno.test("loadTrials empty file gives an empty typed frame", async () => {
  const frame = await loadTrials(await tempRun(""));
  assert.equal(String(frame.schema.ttft_ms), String(pl.Float64));
});

Deno.test("loadTrials missing file names the path", async () => {
  const dir = await Deno.makeTempDir({ prefix: "load-trials-" });
  await assert.rejects(loadTrials(dir), (error: unknown) => {
    return error instanceof TrialsFileError && error.message.includes(`${dir}/trials.jsonl`) && /does not exist/.test(error.message);
  });
});

Deno.test("loadTrials broken JSON names the line", async () => {
  const good = JSON.stringify(trialRecord({ model: "openai:gpt-4o", dataset: "d", item_id: "a" }));
  await assert.rejects(loadTrials(await tempRun(`${good}\n{"model": \n`)), (error: unknown) => {
    return error instanceof TrialsFileError && error.line === 2;
  });
});

Deno.test("loadTrials wrong type names the field", async () => {
  const record = { ...trialRecord({ model: "openai:gpt-4o", dataset: "d", item_id: "a" }), ttft_ms: "fast" };
  await assert.rejects(loadTrials(await tempRun(JSON.stringify(record))), (error: unknown) => {
    return error instanceof TrialsFileError && error.field === "ttft_ms";
  });
});

Deno.test("loadTrials counts lines across read blocks", async () => {
  // About 8 MiB of records, so lines straddle the 4 MiB read blocks, then a broken line 3,001.
  const padding = "x".repeat(2000);
  const good = Array.from({ length: 3000 }, (_, i) =>
    JSON.stringify(trialRecord({ model: "openai:gpt-4o", dataset: "d", item_id: `i${i}`, output_text: padding })));
  await assert.rejects(loadTrials(await tempRun(`${good.join("\n")}\n{"model"\n`)), (error: unknown) => {
    return error instanceof TrialsFileError && error.line === 3001;
  });
});

Deno.test("loadTrials reads every record across read blocks", async () => {
  const padding = "x".repeat(2000);
  const good = Array.from({ length: 3000 }, (_, i) =>
    JSON.stringify(trialRecord({ model: "openai:gpt-4o", dataset: "d", item_id: `i${i}`, output_text: padding })));
  assert.equal((await loadTrials(await tempRun(good.join("\n")))).height, 3000);
});

Deno.test("loadTrials blank lines count in line numbers", async () => {
  const good = JSON.stringify(trialRecord({ model: "openai:gpt-4o", dataset: "d", item_id: "a" }));
  await assert.rejects(loadTrials(await tempRun(`${good}\n\n\r\n{"model": \n`)), (error: unknown) => {
    return error instanceof TrialsFileError && error.line === 4;
  });
});

Deno.test("loadTrials reads CRLF line ends", async () => {
  const good = JSON.stringify(trialRecord({ model: "openai:gpt-4o", dataset: "d", item_id: "a" }));
  assert.equal((await loadTrials(await tempRun(`${good}\r\n${good}\r\n`))).height, 2);
});

Deno.test("loadTrials folder instead of a file cannot be read", async () => {
  const dir = await Deno.makeTempDir({ prefix: "load-trials-" });
  await Deno.mkdir(`${dir}/trials.jsonl`);
  await assert.rejects(loadTrials(dir), (error: unknown) => error instanceof TrialsFileError && /cannot be read/.test(error.message));
});
