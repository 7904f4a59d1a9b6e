/**
 * Starts a Jupyter Server with the classic Notebook front end and the Deno kernel for
 * interactive work on notebooks/, prints its URL with the token, and runs until Ctrl-C.
 * The server serves the project root, so kernels find deno.json and
 * `deno task notebooks --server URL` can reuse this server.
 *
 * Usage: deno task lab [--port N]
 */
import { parseArgs } from "node:util";
import { ensureClassicNotebook } from "../lib/notebook/ensure_classic_notebook.ts";
import { ensureJupyter } from "../lib/notebook/ensure_jupyter.ts";
import { JupyterMissingError } from "../lib/notebook/jupyter_missing_error.ts";
import { openJupyterServer } from "../lib/notebook/open_jupyter_server.ts";

const USAGE = `Usage: deno task lab [--port N]

Starts Jupyter (classic Notebook front end, Deno kernel) on 127.0.0.1 for notebooks/.
  --port N   port to listen on (default: a free port)`;

const projectRoot = new URL("..", import.meta.url).pathname.replace(/\/$/, "");

let port: number | undefined;
try {
  const { values } = parseArgs({
    args: Deno.args,
    strict: true,
    options: { port: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    console.log(USAGE);
    Deno.exit(0);
  }
  if (values.port !== undefined) {
    port = Number(values.port);
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      throw new Error(`--port ${values.port} must be a whole number from 1 to 65535`);
    }
  }
} catch (error) {
  console.error(`${(error as Error).message}\n\n${USAGE}`);
  Deno.exit(2);
}

const onInstall = (packages: string[]) => console.error(`installing Debian packages: ${packages.join(" ")}`);
let server;
try {
  await ensureClassicNotebook(await ensureJupyter(onInstall), onInstall);
  server = await openJupyterServer({ projectRoot, port, onInstall });
} catch (error) {
  console.error(
    error instanceof JupyterMissingError ? error.message : `could not start Jupyter: ${(error as Error).message}`,
  );
  Deno.exit(1);
}

console.log(`${server.url}tree/notebooks?token=${server.token}`);
console.error(`Jupyter is running (pid ${server.pid}); press Ctrl-C to stop it.`);
console.error(`Reuse it for headless runs: deno task notebooks --server ${server.url} --token ${server.token}`);

let stopping = false;
const stop = async (signal: string) => {
  stopping = true;
  console.error(`received ${signal}; stopping Jupyter`);
  await server.stop();
  Deno.exit(0);
};
Deno.addSignalListener("SIGINT", () => stop("SIGINT"));
Deno.addSignalListener("SIGTERM", () => stop("SIGTERM"));

await server.exited;
// Ctrl-C reaches the server too, so it can end before the signal handler has finished.
if (stopping) await new Promise(() => {});
console.error(`Jupyter stopped by itself; last log lines:\n${server.logTail().split("\n").slice(-15).join("\n")}`);
Deno.exit(1);
