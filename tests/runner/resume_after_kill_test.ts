import assert from "node:assert/strict";
import { join } from "node:path";
import type { TrialRecord } from "../../lib/runner/record.ts";
import { makeWorkspace, readLines, steadyProfile } from "./run_fixture.ts";

const REPO = new URL("../../", import.meta.url).pathname;

/** Reads the `deno task bench` command line from deno.json, to run it directly so its process id is the bench process. */
async function benchCommand(): Promise<string[]> {
  const config = JSON.parse(await Deno.readTextFile(join(REPO, "deno.json")));
  const words = String(config.tasks.bench).split(/\s+/);
  assert.equal(words[0], "deno", "the bench task starts with deno");
  return words.slice(1);
}

function startBench(args: string[]): Deno.ChildProcess {
  return new Deno.Command(Deno.execPath(), { args, cwd: REPO, stdin: "null", stdout: "null", stderr: "piped" }).spawn();
}

/** Process ids whose command line mentions `text` (read from /proc). */
function processesMentioning(text: string): number[] {
  const found: number[] = [];
  for (const entry of Deno.readDirSync("/proc")) {
    if (!/^\d+$/.test(entry.name)) continue;
    try {
      if (Deno.readTextFileSync(`/proc/${entry.name}/cmdline`).includes(text)) found.push(Number(entry.name));
    } catch {
      // The process ended while the folder was read.
    }
  }
  return found;
}

Deno.test("bench killed with SIGKILL resumes without duplicates", async () => {
  const workspace = await makeWorkspace({ steady: steadyProfile("openai-compatible", 150) }, 10);
  const specPath = join(workspace.dir, "spec.json");
  await Deno.writeTextFile(specPath, JSON.stringify({
    name: "resume",
    models: ["openai-compatible:steady"],
    datasets: ["mini"],
    repetitions: 3,
    concurrency: 2,
    max_output_tokens: 8,
    endpoint: "emulator",
    emulator: { seed: 1, profiles: workspace.profilesPath },
  }));
  const runId = "killed-run";
  const args = [
    ...(await benchCommand()),
    ...["--spec", specPath, "--run-id", runId, "--runs-dir", workspace.runsDir, "--datasets", workspace.datasetsDir],
  ];
  const trialsPath = join(workspace.runsDir, runId, "trials.jsonl");

  const first = startBench(args);
  const stderr = first.stderr.pipeTo(new WritableStream());
  const deadline = Date.now() + 60_000;
  while ((await readLines<TrialRecord>(trialsPath).catch(() => [])).length < 6) {
    assert.ok(Date.now() < deadline, "the first run recorded no trials within 60 s");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  Deno.kill(first.pid, "SIGKILL");
  const status = await first.status;
  await stderr.catch(() => {});
  const beforeResume = await readLines<TrialRecord>(trialsPath);

  assert.equal(status.signal, "SIGKILL");
  assert.ok(beforeResume.length < 30, `the run finished before the kill (${beforeResume.length} trials)`);
  // The emulator child watches its stdin and exits once the killed parent's pipe closes.
  for (let i = 0; i < 40 && processesMentioning(workspace.profilesPath).length > 0; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.deepEqual(processesMentioning(workspace.profilesPath), [], "the emulator outlived the killed run");

  const second = startBench(args);
  const secondErr = new Response(second.stderr).text();
  await second.status;
  const log = await secondErr;
  const trials = await readLines<TrialRecord>(trialsPath);
  const ids = trials.map((record) => record.trial_id);
  const manifest = JSON.parse(await Deno.readTextFile(join(workspace.runsDir, runId, "run.json")));

  assert.match(log, new RegExp(`resuming run ${runId}: ${beforeResume.length} trials already recorded`));
  assert.equal(manifest.status, "completed");
  assert.equal(trials.length, 30);
  assert.equal(new Set(ids).size, 30, "a trial was recorded twice");
  for (const record of beforeResume) assert.ok(ids.includes(record.trial_id));
  for (let item = 1; item <= 10; item++) {
    for (let repetition = 1; repetition <= 3; repetition++) {
      assert.ok(ids.includes(`openai-compatible:steady/mini/q${item}/${repetition}`), `trial q${item}/${repetition} missing`);
    }
  }
});
