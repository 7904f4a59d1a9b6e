/**
 * The main job: runs the default spec on the local provider emulator and writes the report.
 * Usage: deno task demo
 */
import { loadSpec } from "../lib/spec/load_spec.ts";
import { runAndReport } from "./_run_and_report.ts";

const specPath = new URL("../specs/default.json", import.meta.url).pathname;
const spec = await loadSpec(specPath);
// The demo always measures the emulator, even when API keys are set, so it costs nothing.
spec.endpoint = "emulator";
Deno.exit(await runAndReport(spec, specPath));
