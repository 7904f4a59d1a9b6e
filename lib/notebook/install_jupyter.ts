import { JupyterMissingError } from "./jupyter_missing_error.ts";

/** Debian packages that provide Jupyter Server, the Jupyter tools and nbconvert. */
export const JUPYTER_DEBIAN_PACKAGES = [
  "python3-jupyter-server",
  "jupyter-core",
  "jupyter-client",
  "jupyter-nbconvert",
  "python3-ipykernel",
];

/** Returns the shell command that installs the given Debian packages as root. */
export function aptInstallCommand(packages: string[]): string {
  return `sudo apt-get update && sudo apt-get install -y --no-install-recommends ${packages.join(" ")}`;
}

/**
 * Installs Debian packages for a Jupyter component with apt-get (update, then install) when the
 * process runs as root. Otherwise throws `JupyterMissingError` carrying the exact command to
 * run, since installing needs root. Also throws it, with apt-get's last output lines, when
 * apt-get fails.
 */
export async function installJupyter(
  packages: string[] = JUPYTER_DEBIAN_PACKAGES,
  component = "Jupyter Server",
): Promise<void> {
  if (!Array.isArray(packages) || packages.length === 0) {
    throw new TypeError("installJupyter: packages must be a non-empty list of Debian package names");
  }
  const command = aptInstallCommand(packages);
  if (Deno.uid() !== 0) {
    throw new JupyterMissingError(component, command, "installing needs root");
  }
  const env = { DEBIAN_FRONTEND: "noninteractive" };
  await runApt(["update"], env, component, command);
  await runApt(["install", "-y", "--no-install-recommends", ...packages], env, component, command);
}

async function runApt(
  args: string[],
  env: Record<string, string>,
  component: string,
  installCommand: string,
): Promise<void> {
  let output: Deno.CommandOutput;
  try {
    output = await new Deno.Command("apt-get", { args, env, stdin: "null", stdout: "piped", stderr: "piped" }).output();
  } catch (error) {
    throw new JupyterMissingError(
      component,
      installCommand,
      `apt-get could not be started: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  if (!output.success) {
    const decoder = new TextDecoder();
    const tail = (decoder.decode(output.stdout) + decoder.decode(output.stderr)).trim().split("\n").slice(-8).join(
      "\n",
    );
    throw new JupyterMissingError(
      component,
      installCommand,
      `apt-get ${args[0]} failed with exit code ${output.code}:\n${tail}`,
    );
  }
}
