/**
 * Runs any benchmark spec and writes its report.
 * Usage: deno task bench --spec FILE [--run-id ID] [--endpoint auto|emulator|real] [--profiles FILE] [--rescore RUN_DIR]
 */
import { parseArgs } from "node:util";
import { loadSpec } from "../lib/spec/load_spec.ts";
import { SpecError } from "../lib/spec/spec_error.ts";
import { runAndReport } from "./_run_and_report.ts";
import { isUserError } from "./_user_error.ts";

const USAGE = `Usage: deno task bench --spec FILE [options]

  --spec FILE       benchmark spec (JSON), e.g. specs/default.json
  --run-id ID       run id; an existing id resumes that run, skipping finished trials
  --endpoint KIND   override the spec's endpoint: auto (real API when its key is set),
                    emulator (always the local emulator) or real (fail without a key)
  --profiles FILE   emulator model profiles to use instead of the spec's emulator.profiles
                    (for example a copy with "faults" rates for a fault-injection run)
  --datasets DIR    folder of dataset files and prices.csv (default datasets/); the emulator
                    recognises the items of the datasets in it
  --runs-dir DIR    folder of run folders (default reports/runs); reports go to its parent
  --rescore RUN_DIR re-score the successful responses of an earlier run instead of sending
                    those requests again; they are marked cached and never enter latency
                    statistics (sets the spec's rescore_from)
`;

let parsed;
try {
  parsed = parseArgs({
    args: Deno.args,
    options: {
      spec: { type: "string" },
      "run-id": { type: "string" },
      endpoint: { type: "string" },
      profiles: { type: "string" },
      rescore: { type: "string" },
      "runs-dir": { type: "string" },
      datasets: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
} catch (error) {
  console.error(`${(error as Error).message}\n\n${USAGE}`);
  Deno.exit(2);
}
const { values } = parsed;
if (values.help) {
  console.log(USAGE);
  Deno.exit(0);
}
if (!values.spec) {
  console.error(`missing --spec FILE.\n\n${USAGE}`);
  Deno.exit(2);
}
const endpoint = values.endpoint;
if (endpoint !== undefined && !["auto", "emulator", "real"].includes(endpoint)) {
  console.error(`invalid --endpoint "${endpoint}": use auto, emulator or real.`);
  Deno.exit(2);
}

try {
  const spec = await loadSpec(values.spec);
  if (endpoint) spec.endpoint = endpoint as typeof spec.endpoint;
  if (values.profiles) spec.emulator.profiles = values.profiles;
  if (values.rescore) spec.rescore_from = values.rescore;
  Deno.exit(await runAndReport(spec, values.spec, values["run-id"], { runsDir: values["runs-dir"], datasetsDir: values.datasets }));
} catch (error) {
  // Input problems get their message alone: it names the file, field or line and the fix.
  if (isUserError(error)) {
    console.error(error.message);
    Deno.exit(2);
  }
  throw error;
}
