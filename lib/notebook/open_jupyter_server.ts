import { join } from "node:path";
import { ensureJupyter } from "./ensure_jupyter.ts";
import { DENO_KERNEL_NAME, installKernelspec } from "./install_kernelspec.ts";
import { type JupyterServer, startJupyterServer } from "./start_jupyter_server.ts";
import { waitForJupyterServer } from "./wait_for_jupyter_server.ts";

/** Options of `openJupyterServer`. */
export interface OpenJupyterServerOptions {
  /** Project root; the server serves it so kernels find its deno.json. */
  projectRoot: string;
  /** A running server to reuse instead of starting one. */
  server?: { url: string; token: string };
  /** More options for a started server. */
  extraArgs?: string[];
  /** Port for a started server; a free one when omitted. */
  port?: number;
  /** Called before Debian's Jupyter packages are installed. */
  onInstall?: (packages: string[]) => void;
}

/** An open server plus the kernelspec name to start Deno kernels with. */
export interface OpenJupyterServer extends JupyterServer {
  kernelName: string;
  /** True when this process started the server (and `stop()` ends it). */
  started: boolean;
}

/**
 * Returns a Jupyter Server with a Deno kernel that serves the project root.
 *
 * Without `server`, it makes sure Jupyter is installed (see `ensureJupyter`), installs the
 * Deno kernelspec for `Deno.execPath()` into a temporary Jupyter data directory and starts a
 * server. Its `stop()` ends that server and removes the directory.
 *
 * With `server`, it checks that the server accepts the token, has a `deno` kernelspec and
 * serves a folder containing deno.json. Its `stop()` leaves that server running.
 */
export async function openJupyterServer(options: OpenJupyterServerOptions): Promise<OpenJupyterServer> {
  if (typeof options?.projectRoot !== "string" || options.projectRoot === "") {
    throw new TypeError("openJupyterServer: projectRoot must be the project's root folder");
  }
  if (options.server !== undefined) return await checkRunningServer(options.server);

  const jupyter = await ensureJupyter(options.onInstall);
  const tempDir = await Deno.makeTempDir({ prefix: "deno-notebooks-" });
  try {
    const kernelspec = await installKernelspec(join(tempDir, "data"));
    const runtimeDir = join(tempDir, "runtime");
    await Deno.mkdir(runtimeDir, { recursive: true });
    const server = await startJupyterServer({
      jupyter,
      rootDir: options.projectRoot,
      jupyterPath: kernelspec.jupyterPath,
      runtimeDir,
      extraArgs: options.extraArgs,
      port: options.port,
    });
    return {
      ...server,
      kernelName: kernelspec.name,
      started: true,
      async stop() {
        await server.stop();
        await Deno.remove(tempDir, { recursive: true }).catch(() => {});
      },
    };
  } catch (error) {
    await Deno.remove(tempDir, { recursive: true }).catch(() => {});
    throw error;
  }
}

async function checkRunningServer(server: { url: string; token: string }): Promise<OpenJupyterServer> {
  await waitForJupyterServer(server.url, server.token, 10_000);
  const headers = { Authorization: `token ${server.token}` };

  const specsResponse = await fetch(new URL("api/kernelspecs", server.url), { headers });
  const specs = await specsResponse.json() as { kernelspecs?: Record<string, unknown> };
  if (specs.kernelspecs?.[DENO_KERNEL_NAME] === undefined) {
    const names = Object.keys(specs.kernelspecs ?? {}).join(", ") || "none";
    throw new Error(
      `Jupyter Server at ${server.url} has no "${DENO_KERNEL_NAME}" kernelspec (it has: ${names}); start it with \`deno task lab\` or run \`deno jupyter --install\``,
    );
  }

  const configResponse = await fetch(new URL("api/contents/deno.json?content=0", server.url), { headers });
  await configResponse.body?.cancel();
  if (!configResponse.ok) {
    throw new Error(
      `Jupyter Server at ${server.url} does not serve the project root (no deno.json there, HTTP ${configResponse.status}); start it from the project with \`deno task lab\``,
    );
  }

  return {
    ...server,
    kernelName: DENO_KERNEL_NAME,
    started: false,
    logTail: () => "",
    stop: () => Promise.resolve(),
    exited: new Promise<void>(() => {}),
  };
}
