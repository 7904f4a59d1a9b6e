import type { JupyterCommand } from "./find_jupyter.ts";
import { aptInstallCommand, installJupyter } from "./install_jupyter.ts";
import { JupyterMissingError } from "./jupyter_missing_error.ts";

/** Debian package of the classic Notebook front end that runs as a Jupyter Server extension. */
export const CLASSIC_NOTEBOOK_PACKAGE = "python3-nbclassic";

/**
 * Makes sure the classic Notebook front end (nbclassic) is importable by the Python that runs
 * `jupyter`, installing Debian's package first when it is missing and the process runs as root.
 * Debian's Jupyter Server 1.23 has no web interface of its own, so interactive work needs it.
 *
 * Throws `JupyterMissingError` with the install command when it is missing and cannot be
 * installed here.
 */
export async function ensureClassicNotebook(
  jupyter: JupyterCommand,
  onInstall: (packages: string[]) => void = () => {},
): Promise<void> {
  const python = jupyter.args[0] === "-m" ? jupyter.command : undefined;
  if (python === undefined) {
    // A pip-installed `jupyter-server` brings its own Python; whether it has a front end is
    // up to that installation, so it is left as it is.
    return;
  }
  if (await canImport(python, "nbclassic")) return;

  onInstall([CLASSIC_NOTEBOOK_PACKAGE]);
  await installJupyter([CLASSIC_NOTEBOOK_PACKAGE], "The classic Notebook front end");
  if (!(await canImport(python, "nbclassic"))) {
    throw new JupyterMissingError(
      "The classic Notebook front end",
      aptInstallCommand([CLASSIC_NOTEBOOK_PACKAGE]),
      `apt-get finished but ${python} still cannot import nbclassic`,
    );
  }
}

async function canImport(python: string, module: string): Promise<boolean> {
  const output = await new Deno.Command(python, {
    args: ["-c", `import ${module}`],
    stdin: "null",
    stdout: "null",
    stderr: "null",
  }).output();
  return output.success;
}
