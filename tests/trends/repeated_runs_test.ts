import assert from "node:assert/strict";
import { join } from "node:path";
import { buildRunTrends } from "../../lib/trends/build_run_trends.ts";
import { readHistory } from "../../lib/trends/history/read_history.ts";

const REPO = new URL("../../", import.meta.url).pathname;
const PROFILES = join(REPO, "lib", "emulator", "profiles.json");

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const output = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", ...args],
    cwd: REPO,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
  return { code: output.code, stdout: decode(output.stdout), stderr: decode(output.stderr) };
}

async function writeSpec(dir: string, maxOutputTokens: number): Promise<string> {
  const path = join(dir, "spec.json");
  await Deno.writeTextFile(
    path,
    JSON.stringify({
      name: "trend-watch",
      models: ["openai:gpt-4o", "google:gemini-2.5-flash"],
      datasets: [{ name: "json-extraction", items: 4 }],
      concurrency: 8,
      max_output_tokens: maxOutputTokens,
      endpoint: "emulator",
      emulator: { seed: 1, profiles: join(dir, "profiles.json") },
    }),
  );
  return path;
}

Deno.test({
  name: "repeated runs show a changed emulator profile",
  // Each watch process starts an emulator process of its own and ends it.
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const dir = await Deno.makeTempDir({ prefix: "repeated-runs-" });
    try {
      await checkRepeatedRuns(dir);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});

async function checkRepeatedRuns(dir: string): Promise<void> {
  await Deno.copyFile(PROFILES, join(dir, "profiles.json"));
  const spec = await writeSpec(dir, 256);
  const dirs = ["--history-dir", join(dir, "history"), "--runs-dir", join(dir, "runs"), "--trends-dir", join(dir, "trends")];

  const firstTwo = await run(["scripts/watch.ts", "--spec", spec, "--every", "1s", "--max-runs", "2", ...dirs]);
  assert.equal(firstTwo.code, 0, firstTwo.stderr);
  assert.match(firstTwo.stderr, /first completed run in this history/);
  assert.match(firstTwo.stderr, /comparable with the previous run/);

  // The provider side changes between the second and the third run: slower first tokens, new version string.
  const profiles = JSON.parse(await Deno.readTextFile(join(dir, "profiles.json")));
  profiles["gpt-4o"].ttft_ms *= 3;
  profiles["gpt-4o"].model_version = "gpt-4o-2024-11-20";
  await Deno.writeTextFile(join(dir, "profiles.json"), JSON.stringify(profiles, null, 2));
  const third = await run(["scripts/watch.ts", "--spec", spec, "--once", ...dirs]);
  assert.equal(third.code, 0, third.stderr);
  const thirdRun = third.stdout.trim();

  const history = join(dir, "history", "trend-watch.jsonl");
  const report = await buildRunTrends(history);
  assert.equal(report.metrics.length, 6, "two models × three runs");
  assert.deepEqual(report.flags.filter((f) => f.model === "openai:gpt-4o").map((f) => `${f.kind} ${f.metric} ${f.period}`), [
    `latency_shift e2e_p50_ms ${thirdRun}`,
    `latency_shift ttft_p50_ms ${thirdRun}`,
    `new_model_version model_version ${thirdRun}`,
  ]);
  // Gemini's profile did not change, so its latency moves only by measurement noise (about 2% here).
  // Its latency flags are not checked because a loaded machine can push that noise past the 10% floor.
  assert.deepEqual(report.flags.filter((f) => f.model !== "openai:gpt-4o" && f.kind !== "latency_shift"), []);
  const ttft = report.flags.find((f) => f.metric === "ttft_p50_ms")!;
  assert.ok(ttft.value / ttft.baseline! > 2.5, `TTFT rose ${(ttft.value / ttft.baseline!).toFixed(2)}×`);
  assert.ok((await Deno.stat(join(dir, "trends", "trend-watch", "trends.html"))).isFile, "watch refreshed the report");

  const check = await run([
    "scripts/trends.ts",
    "--history",
    history,
    "--out-dir",
    join(dir, "trends"),
    "--check",
    "--max-ttft-p95-ms",
    "1000",
  ]);
  assert.equal(check.code, 1, check.stderr);
  assert.match(
    check.stderr,
    new RegExp(`threshold crossed: ttft_p95_ms of openai:gpt-4o in run ${thirdRun} is [\\d,]+ ms, above the maximum 1,000 ms`),
  );
  assert.equal([...check.stderr.matchAll(/threshold crossed/g)].length, 1, check.stderr);

  // A changed setting splits the history, and watch lists the difference.
  await writeSpec(dir, 200);
  const fourth = await run(["scripts/watch.ts", "--spec", spec, "--once", "--skip-report", ...dirs]);
  assert.equal(fourth.code, 0, fourth.stderr);
  assert.match(fourth.stderr, /NOT comparable with the previous run .*; what differs:\n\s+spec\.max_output_tokens: 256 → 200/);
  assert.equal((await readHistory(history)).length, 4);
  const split = await buildRunTrends(history);
  assert.deepEqual(split.excludedRuns.map((r) => r.differences), Array(3).fill(["spec.max_output_tokens: 256 → 200"]));
}
