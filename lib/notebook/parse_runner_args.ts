import { parseArgs } from "node:util";
import { parseParamValue } from "./parse_param_value.ts";

/** Settings of one `deno task notebooks` run. */
export interface RunnerArgs {
  /** File names or prefixes of the notebooks to run; empty runs them all. */
  names: string[];
  /** Parameters to inject, values parsed as JSON when possible. */
  params: Record<string, unknown>;
  /** Time one cell may run. */
  cellTimeoutMs: number;
  /** A running server to use instead of starting one. */
  server?: { url: string; token: string };
  /** Folder the notebooks are read from. */
  notebookDir?: string;
  /** Folder the executed notebooks are written to. */
  outDir?: string;
  help: boolean;
}

/** Default time one cell may run, in seconds. */
export const DEFAULT_CELL_TIMEOUT_SECONDS = 600;

/** Usage text of `deno task notebooks`. */
export const RUNNER_USAGE = `Usage: deno task notebooks [NAMES...] [options]

Runs Deno notebooks headless on a Jupyter Server and writes the executed copies.

  NAMES                  notebook file names or prefixes (default: every notebooks/*.ipynb)
  --param KEY=VALUE      set a parameter (repeatable); VALUE is read as JSON when it parses,
                         otherwise as a string
  --timeout SECONDS      time one cell may run before the run fails (default ${DEFAULT_CELL_TIMEOUT_SECONDS})
  --server URL           use a running Jupyter Server that serves this project's root
                         (as \`deno task lab\` starts it) instead of starting one
  --token TOKEN          token of that server, unless the URL has ?token=
  --dir DIR              folder to read notebooks from (default notebooks/)
  --out DIR              folder to write executed notebooks to (default reports/notebooks/)
  --help                 show this text`;

/**
 * Parses the command line of `deno task notebooks`. Throws an error naming the option and
 * the expected form for anything invalid.
 */
export function parseRunnerArgs(args: string[]): RunnerArgs {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      param: { type: "string", multiple: true, short: "p" },
      timeout: { type: "string" },
      server: { type: "string" },
      token: { type: "string" },
      dir: { type: "string" },
      out: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });

  const params: Record<string, unknown> = {};
  for (const entry of values.param ?? []) {
    const equals = entry.indexOf("=");
    if (equals <= 0) {
      throw new Error(
        `--param ${JSON.stringify(entry)} must have the form KEY=VALUE, e.g. --param spec=specs/default.json`,
      );
    }
    params[entry.slice(0, equals)] = parseParamValue(entry.slice(equals + 1));
  }

  const seconds = values.timeout === undefined ? DEFAULT_CELL_TIMEOUT_SECONDS : Number(values.timeout);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new Error(`--timeout ${JSON.stringify(values.timeout)} must be a number of seconds > 0`);
  }

  const server = values.server === undefined ? undefined : parseServer(values.server, values.token);
  if (server === undefined && values.token !== undefined) {
    throw new Error("--token needs --server URL; pass both to use a running Jupyter Server, or neither to start one");
  }

  return {
    names: positionals,
    params,
    cellTimeoutMs: seconds * 1000,
    server,
    notebookDir: values.dir,
    outDir: values.out,
    help: values.help ?? false,
  };
}

function parseServer(raw: string, token: string | undefined): { url: string; token: string } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch (error) {
    throw new Error(`--server ${JSON.stringify(raw)} is not a URL; pass e.g. http://127.0.0.1:8888/`, { cause: error });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`--server ${JSON.stringify(raw)} must be an http or https URL`);
  }
  // Accept the URL as Jupyter prints it, with the token in the query.
  const tokenValue = token ?? url.searchParams.get("token") ?? undefined;
  if (tokenValue === undefined || tokenValue === "") {
    throw new Error(`--server ${JSON.stringify(raw)} needs --token TOKEN (or a ?token= in the URL)`);
  }
  const path = url.pathname.replace(/\/(tree|lab|notebooks)(\/.*)?$/, "/");
  return { url: `${url.origin}${path.endsWith("/") ? path : `${path}/`}`, token: tokenValue };
}
