import assert from "node:assert/strict";
import { join } from "node:path";
import { readPreviousManifest } from "../../lib/runner/read_previous_manifest.ts";
import { ResumeError } from "../../lib/runner/resume_error.ts";
import { parseSpec } from "../../lib/spec/load_spec.ts";

const spec = parseSpec({ name: "r", models: ["openai:gpt-4o"], datasets: ["json-extraction"], concurrency: 2 });

async function runDirWith(recorded: unknown): Promise<string> {
  const dir = await Deno.makeTempDir();
  await Deno.writeTextFile(join(dir, "run.json"), JSON.stringify({ run_id: "r-1", spec_path: "specs/r.json", spec: recorded }));
  return dir;
}

Deno.test("resume of a new run finds no manifest", async () => {
  assert.equal(await readPreviousManifest(await Deno.makeTempDir(), spec), null);
});

Deno.test("resume with the same spec returns the manifest", async () => {
  const previous = await readPreviousManifest(await runDirWith(spec), spec);
  assert.equal(previous?.run_id, "r-1");
});

Deno.test("resume with another spec names the fields", async () => {
  const dir = await runDirWith({ ...spec, concurrency: 3 });
  await assert.rejects(
    () => readPreviousManifest(dir, spec),
    (error: unknown) => {
      assert.ok(error instanceof ResumeError);
      assert.deepEqual(error.fields, ["concurrency"]);
      assert.match(error.message, /concurrency: 3 → 2/);
      assert.match(error.message, /Fix: resume it with the spec it was started with/);
      return true;
    },
  );
});
