import assert from "node:assert/strict";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import OpenAI from "openai";
import { DatasetFileError, loadDatasetIndex } from "../../lib/emulator/load_dataset_index.ts";
import { loadProfiles, ProfileFileError } from "../../lib/emulator/load_profiles.ts";
import { startEmulator } from "../../lib/emulator/start_emulator.ts";
import { TEST_ITEMS, TEST_PROFILES } from "./emulator_fixture.ts";

const shippedProfiles = fileURLToPath(new URL("../../lib/emulator/profiles.json", import.meta.url));

async function withTempDir<T>(run: (dir: string) => Promise<T>): Promise<T> {
  const dir = await Deno.makeTempDir({ prefix: "emulator_profiles_test_" });
  try {
    return await run(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("shipped profiles cover the required models", async () => {
  const set = await loadProfiles(shippedProfiles);
  const required = {
    openai: ["gpt-4o", "gpt-4o-mini", "gpt-4.1", "gpt-4.1-mini"],
    anthropic: ["claude-sonnet-4-5", "claude-haiku-4-5", "claude-opus-4-1"],
    google: ["gemini-2.5-flash", "gemini-2.5-pro", "gemini-2.5-flash-lite"],
  };

  for (const [provider, names] of Object.entries(required)) {
    for (const name of names) assert.equal(set.profiles.get(name)?.provider, provider, name);
  }
  assert.equal(set.profiles.get("default")?.model_version, null);
  assert.equal(set.find("my-local-llama").name, "default");
  assert.equal(set.find("gpt-4o-2024-08-06").name, "gpt-4o");
  assert.ok(set.profiles.get("gemini-2.5-pro")!.thinking > 0);
  assert.equal(set.profiles.get("gemini-2.5-flash-lite")!.thinking, 0);
});

Deno.test("shipped profiles carry a calibration note", async () => {
  const raw = JSON.parse(await Deno.readTextFile(shippedProfiles));

  assert.match(raw._calibration.summary, /illustrative settings/);
  assert.ok(raw._calibration.rows.length >= 5);
});

Deno.test("bad profile names model, field and fix", async () => {
  await withTempDir(async (dir) => {
    const path = join(dir, "profiles.json");
    const broken = { ...TEST_PROFILES, "gpt-4o": { ...TEST_PROFILES["gpt-4o"], ttft_ms: "fast" } };
    await Deno.writeTextFile(path, JSON.stringify(broken));

    const error = await loadProfiles(path).then(() => null, (caught) => caught);
    assert.ok(error instanceof ProfileFileError);
    assert.equal(error.model, "gpt-4o");
    assert.equal(error.field, "ttft_ms");
    assert.match(error.message, /Fix: set ttft_ms to the median time to first token in milliseconds/);
  });
});

Deno.test("misspelt profile field is reported", async () => {
  await withTempDir(async (dir) => {
    const path = join(dir, "profiles.json");
    const broken = { ...TEST_PROFILES, "gpt-4o": { ...TEST_PROFILES["gpt-4o"], ttft_msec: 10 } };
    await Deno.writeTextFile(path, JSON.stringify(broken));

    const error = await loadProfiles(path).then(() => null, (caught) => caught);
    assert.ok(error instanceof ProfileFileError);
    assert.equal(error.field, "ttft_msec");
    assert.match(error.message, /remove ttft_msec or correct its spelling/);
  });
});

Deno.test("profiles without default are rejected", async () => {
  await withTempDir(async (dir) => {
    const path = join(dir, "profiles.json");
    const { default: _omitted, ...withoutDefault } = TEST_PROFILES;
    await Deno.writeTextFile(path, JSON.stringify(withoutDefault));

    await assert.rejects(loadProfiles(path), /no "default" profile/);
  });
});

Deno.test("dataset parse error names file and line", async () => {
  await withTempDir(async (dir) => {
    const path = join(dir, "broken.jsonl");
    await Deno.writeTextFile(path, `${JSON.stringify(TEST_ITEMS[0])}\n\n{"id": "x",\n`);

    const error = await loadDatasetIndex(dir).then(() => null, (caught) => caught);
    assert.ok(error instanceof DatasetFileError);
    assert.equal(error.line, 3);
    assert.equal(error.path, path);
    assert.match(error.message, /broken\.jsonl line 3/);
  });
});

Deno.test("dataset schema error names the field", async () => {
  await withTempDir(async (dir) => {
    await Deno.writeTextFile(join(dir, "bad.jsonl"), JSON.stringify({ ...TEST_ITEMS[0], kind: "poetry" }) + "\n");

    await assert.rejects(loadDatasetIndex(dir), /bad\.jsonl line 1: field "kind"/);
  });
});

Deno.test("emulator serves with shipped profiles", async () => {
  await withTempDir(async (dir) => {
    const emulator = await startEmulator({ datasetsDir: dir });
    try {
      const client = new OpenAI({ baseURL: `${emulator.url}/v1`, apiKey: "test-key", maxRetries: 0 });
      const started = performance.now();
      const reply = await client.chat.completions.create({
        model: "gpt-4.1",
        messages: [{ role: "user", content: "Hi" }],
        max_tokens: 5,
      });
      const elapsed = performance.now() - started;

      assert.equal(emulator.seed, 1);
      assert.equal(emulator.profilesFile, shippedProfiles);
      assert.equal(reply.model, "gpt-4.1-2025-04-14");
      // gpt-4.1: 520 ms median TTFT with 15% jitter, then 4 tokens at 89 tok/s.
      assert.ok(elapsed > 250, `reply took ${elapsed} ms`);
      assert.ok(elapsed < 2000, `reply took ${elapsed} ms`);
    } finally {
      await emulator.close();
    }
  });
});
