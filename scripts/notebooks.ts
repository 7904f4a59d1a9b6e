/**
 * Runs Deno notebooks headless and writes the executed copies to reports/notebooks/.
 * Prints the path of each executed notebook to stdout and progress to stderr. Exits 1 when a
 * notebook fails, after writing its partial copy, and 2 on invalid arguments.
 *
 * Usage: deno task notebooks [NAMES...] [--param KEY=VALUE ...] [--timeout SECONDS]
 *        (run `deno task notebooks --help` for every option)
 */
import { join } from "node:path";
import { type OpenJupyterServer, openJupyterServer } from "../lib/notebook/open_jupyter_server.ts";
import { parseRunnerArgs, RUNNER_USAGE, type RunnerArgs } from "../lib/notebook/parse_runner_args.ts";
import { runNotebooks } from "../lib/notebook/run_notebooks.ts";
import { selectNotebooks } from "../lib/notebook/select_notebooks.ts";
import { findJupyter } from "../lib/notebook/find_jupyter.ts";
import { JupyterMissingError } from "../lib/notebook/jupyter_missing_error.ts";
import { trustNotebook } from "../lib/notebook/trust_notebook.ts";

const projectRoot = new URL("..", import.meta.url).pathname.replace(/\/$/, "");

// @jupyterlab/services logs WebSocket and kernel status changes with console.debug, which
// Deno writes to stdout; stdout here carries only the written notebook paths.
console.debug = () => {};

let args: RunnerArgs;
try {
  args = parseRunnerArgs(Deno.args);
} catch (error) {
  console.error(`${(error as Error).message}\n\n${RUNNER_USAGE}`);
  Deno.exit(2);
}
if (args.help) {
  console.log(RUNNER_USAGE);
  Deno.exit(0);
}

const notebookDir = args.notebookDir ?? join(projectRoot, "notebooks");
const outDir = args.outDir ?? join(projectRoot, "reports", "notebooks");
let notebooks: string[];
try {
  notebooks = await selectNotebooks(notebookDir, args.names);
} catch (error) {
  console.error((error as Error).message);
  Deno.exit(2);
}
if (notebooks.length === 0) {
  console.error(`no notebooks in ${notebookDir}; nothing to run`);
  Deno.exit(0);
}

const serverStart = performance.now();
let server: OpenJupyterServer;
try {
  server = await openJupyterServer({
    projectRoot,
    server: args.server,
    onInstall: (packages) =>
      console.error(`Jupyter Server not found; installing Debian packages: ${packages.join(" ")}`),
  });
} catch (error) {
  console.error(
    error instanceof JupyterMissingError
      ? error.message
      : `could not start Jupyter Server: ${(error as Error).message}`,
  );
  Deno.exit(1);
}
console.error(
  server.started
    ? `Jupyter Server ready at ${server.url} (pid ${server.pid}) after ${seconds(performance.now() - serverStart)}`
    : `using Jupyter Server ${server.url}`,
);

const stopOnSignal = async (signal: Deno.Signal) => {
  console.error(`received ${signal}; stopping Jupyter Server`);
  await server.stop();
  Deno.exit(130);
};
const onInterrupt = () => stopOnSignal("SIGINT");
const onTerminate = () => stopOnSignal("SIGTERM");
Deno.addSignalListener("SIGINT", onInterrupt);
Deno.addSignalListener("SIGTERM", onTerminate);

let exitCode = 0;
try {
  const results = await runNotebooks({
    server,
    projectRoot,
    notebooks,
    outDir,
    params: args.params,
    cellTimeoutMs: args.cellTimeoutMs,
    onProgress: (event) => {
      if (event.kind === "notebook-start") {
        console.error(`running ${event.notebook} (kernel folder: ${event.kernelCwd || "."})`);
      } else if (event.kind === "cell-start") {
        console.error(`  cell ${event.cell}/${event.cellCount}`);
      } else if (event.failure === undefined) {
        console.error(`finished ${event.notebook} in ${seconds(event.durationMs)}`);
      }
    },
  });
  const jupyter = await findJupyter();
  for (const result of results) {
    console.log(result.outPath);
    if (jupyter !== undefined) {
      await trustNotebook(jupyter, result.outPath).catch((error) => console.error(`warning: ${error.message}`));
    }
    if (result.failure === undefined) continue;
    exitCode = 1;
    console.error(result.failure.message);
    if (result.failure.traceback.length > 0) console.error(result.failure.traceback.join("\n"));
    if (result.injected) {
      console.error("(cell numbers count every cell, the injected-parameters cell included)");
    }
    console.error(`partial executed notebook: ${result.outPath}`);
    const skipped = notebooks.length - results.length;
    if (skipped > 0) console.error(`${skipped} later notebook(s) not run`);
  }
} catch (error) {
  exitCode = 1;
  console.error(`notebook run failed: ${(error as Error).stack ?? error}`);
} finally {
  Deno.removeSignalListener("SIGINT", onInterrupt);
  Deno.removeSignalListener("SIGTERM", onTerminate);
  await server.stop();
}
console.error(`total ${seconds(performance.now() - serverStart)}`);
Deno.exit(exitCode);

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
