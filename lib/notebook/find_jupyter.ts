/** A command that starts Jupyter Server, e.g. `/usr/bin/python3 -m jupyter_server`. */
export interface JupyterCommand {
  /** Executable to run. */
  command: string;
  /** Arguments that come before the server options. */
  args: string[];
  /** Jupyter Server version reported by the command, e.g. `1.23.3`. */
  version: string;
}

/**
 * Python of Debian's Jupyter packages. A pyenv or virtualenv `python3` earlier on PATH does not
 * see Debian's modules, so the system interpreter is named by its full path.
 */
const SYSTEM_PYTHON = "/usr/bin/python3";

/**
 * Finds a Jupyter Server to run: Debian's (`/usr/bin/python3 -m jupyter_server`) first, then a
 * `jupyter-server` executable on PATH (for example from pip). Returns undefined when neither
 * prints a version for `--version`.
 */
export async function findJupyter(): Promise<JupyterCommand | undefined> {
  const candidates = [
    { command: SYSTEM_PYTHON, args: ["-m", "jupyter_server"] },
    { command: "jupyter-server", args: [] },
  ];
  for (const candidate of candidates) {
    const version = await versionOf(candidate.command, candidate.args);
    if (version !== undefined) return { ...candidate, version };
  }
  return undefined;
}

async function versionOf(command: string, args: string[]): Promise<string | undefined> {
  try {
    const output = await new Deno.Command(command, {
      args: [...args, "--version"],
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
    }).output();
    if (!output.success) return undefined;
    const version = new TextDecoder().decode(output.stdout).trim();
    return /^\d+\.\d+/.test(version) ? version : undefined;
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return undefined;
    throw error;
  }
}
