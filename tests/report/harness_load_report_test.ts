import assert from "node:assert/strict";
import { writeReport } from "../../lib/report/write_report.ts";
import { makeFakeRun } from "./make_fake_run.ts";

async function reportWithLoad(load: Record<string, number> | null): Promise<string> {
  const parent = await Deno.makeTempDir({ prefix: "report-load-" });
  const runDir = await makeFakeRun(parent, {});
  if (load !== null) {
    const manifest = JSON.parse(await Deno.readTextFile(`${runDir}/run.json`));
    manifest.harness_load = load;
    await Deno.writeTextFile(`${runDir}/run.json`, JSON.stringify(manifest));
  }
  const written = await writeReport(runDir, `${parent}/out`, { pdf: false });
  return await Deno.readTextFile(written.mdPath);
}

const LOAD = { loop_lag_p50_ms: 0.4, loop_lag_max_ms: 30, interval_ms: 20, wall_s: 42 };

Deno.test("report warns about a busy harness", async () => {
  const md = await reportWithLoad({ ...LOAD, cpu_load: 0.97, loop_lag_p99_ms: 18.5 });
  assert.match(md, /The benchmark process was busy while it measured: CPU 97% of one core \(threshold 80%\) and event-loop lag p99 18.5 ms \(threshold 5 ms\); the event loop was held up for as long as 30 ms at worst\./);
  assert.match(md, /Benchmark process load \| CPU 97% of one core over 42.0 s/);
});

Deno.test("report stays quiet about a calm harness", async () => {
  const md = await reportWithLoad({ ...LOAD, cpu_load: 0.2, loop_lag_p99_ms: 1.2 });
  assert.doesNotMatch(md, /The benchmark process was busy/);
  assert.match(md, /Benchmark process load \| CPU 20% of one core/);
});

Deno.test("report of an older run without harness load", async () => {
  const md = await reportWithLoad(null);
  assert.match(md, /Benchmark process load \| .*not recorded by the version that ran this/);
  assert.match(md, /Transport per model \| .*not recorded by the version that ran this; it used fetch/);
});
