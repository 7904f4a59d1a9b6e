import { encodeHex } from "../runner/encode_hex.ts";
import type { JupyterCommand } from "./find_jupyter.ts";
import { freePort } from "./free_port.ts";
import { waitForJupyterServer } from "./wait_for_jupyter_server.ts";

/** Handle to a running Jupyter Server. */
export interface JupyterServer {
  /** Base URL ending in "/", e.g. `http://127.0.0.1:40123/`. */
  url: string;
  /** Token for the `Authorization: token …` header. */
  token: string;
  /** Process id when this process started the server; undefined for a reused server. */
  pid?: number;
  /** Returns the last lines the server logged (empty for a reused server). */
  logTail(): string;
  /** Stops the server if this process started it; a reused server keeps running. */
  stop(): Promise<void>;
  /** Settles when a started server process ends; never settles for a reused server. */
  exited: Promise<void>;
}

/** Options of `startJupyterServer`. */
export interface StartJupyterServerOptions {
  jupyter: JupyterCommand;
  /** Folder the server serves; kernels start in the notebook's folder below it. */
  rootDir: string;
  /** Extra Jupyter data directory searched first for kernelspecs (JUPYTER_PATH). */
  jupyterPath: string;
  /** Folder for connection files and the cookie secret (JUPYTER_RUNTIME_DIR). */
  runtimeDir: string;
  /** Token clients must send; a random one when omitted. */
  token?: string;
  /** Port to listen on; a free one when omitted. */
  port?: number;
  /** More server options, e.g. `--ServerApp.default_url=/tree`. */
  extraArgs?: string[];
  /** Time to wait for the server to respond. Default 60 s. */
  startTimeoutMs?: number;
}

const PORT_ATTEMPTS = 3;
const LOG_LINES_KEPT = 200;
const STOP_GRACE_MS = 10_000;

/**
 * Starts Jupyter Server on 127.0.0.1 on a free port with a token, without a browser, and
 * resolves once `/api/status` responds. Without a given port, retries on another free port when
 * the chosen one was taken in the meantime. `stop()` sends SIGTERM to that one process (the server then shuts down its
 * kernels) and SIGKILL after 10 s.
 */
export async function startJupyterServer(options: StartJupyterServerOptions): Promise<JupyterServer> {
  if (!options?.jupyter?.command) throw new TypeError("startJupyterServer: jupyter must come from findJupyter()");
  if (typeof options.rootDir !== "string" || options.rootDir === "") {
    throw new TypeError("startJupyterServer: rootDir must be a directory path");
  }
  const token = options.token ?? randomToken();
  if (options.port !== undefined) return await startOnce(options, token, options.port);
  let lastError: Error | undefined;
  for (let attempt = 1; attempt <= PORT_ATTEMPTS; attempt++) {
    try {
      return await startOnce(options, token, freePort());
    } catch (error) {
      lastError = error as Error;
      if (!/address already in use|Errno 98/i.test(lastError.message)) throw lastError;
    }
  }
  throw lastError;
}

async function startOnce(options: StartJupyterServerOptions, token: string, port: number): Promise<JupyterServer> {
  const inheritedPath = Deno.env.get("JUPYTER_PATH");
  const child = new Deno.Command(options.jupyter.command, {
    args: [
      ...options.jupyter.args,
      "--no-browser",
      "--allow-root",
      "--ip=127.0.0.1",
      `--port=${port}`,
      "--port-retries=0",
      `--ServerApp.root_dir=${options.rootDir}`,
      ...(options.extraArgs ?? []),
    ],
    env: {
      // The token goes through the environment so it does not show in `ps` output.
      JUPYTER_TOKEN: token,
      JUPYTER_PATH: inheritedPath ? `${options.jupyterPath}:${inheritedPath}` : options.jupyterPath,
      JUPYTER_RUNTIME_DIR: options.runtimeDir,
    },
    cwd: options.rootDir,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();

  const log: string[] = [];
  const drained = Promise.all([drain(child.stdout, log), drain(child.stderr, log)]);
  const logTail = () => log.join("\n");
  const url = `http://127.0.0.1:${port}/`;

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= stopProcess(child, drained);
    return stopping;
  };

  try {
    await waitForJupyterServer(url, token, options.startTimeoutMs ?? 60_000, child.status);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${logTail().split("\n").slice(-15).join("\n")}`, { cause: error });
  }
  const exited = child.status.then(() => {});
  return { url, token, pid: child.pid, logTail, stop, exited };
}

async function drain(stream: ReadableStream<Uint8Array>, log: string[]): Promise<void> {
  for await (const chunk of stream.pipeThrough(new TextDecoderStream())) {
    for (const line of chunk.split("\n")) {
      if (line.trim() === "") continue;
      log.push(line);
      if (log.length > LOG_LINES_KEPT) log.shift();
    }
  }
}

async function stopProcess(child: Deno.ChildProcess, drained: Promise<unknown>): Promise<void> {
  try {
    child.kill("SIGTERM");
  } catch { /* already exited */ }
  const timer = setTimeout(() => {
    try {
      child.kill("SIGKILL");
    } catch { /* already exited */ }
  }, STOP_GRACE_MS);
  try {
    await child.status;
  } finally {
    clearTimeout(timer);
  }
  await drained.catch(() => {});
}

function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return encodeHex(bytes);
}
