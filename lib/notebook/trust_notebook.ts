import type { JupyterCommand } from "./find_jupyter.ts";

/**
 * Signs an executed notebook as trusted, as `jupyter trust` does, so the classic Notebook
 * shows its SVG charts and Markdown outputs instead of only their plain text (it withholds
 * those from notebooks it did not run itself unless they are signed). The signature goes to
 * the user's Jupyter data directory (`nbsignatures.db`, keyed by `notebook_secret`), the same
 * place an interactive run would record it.
 *
 * Throws an error with Jupyter's message when signing fails.
 */
export async function trustNotebook(jupyter: JupyterCommand, path: string): Promise<void> {
  if (typeof path !== "string" || path === "") throw new TypeError("trustNotebook: path must be a notebook file path");
  // Debian's Jupyter runs as `python3 -m jupyter_server`; its nbformat module signs notebooks.
  // A `jupyter-server` executable from pip sits next to the `jupyter` command instead.
  const [command, args] = jupyter.args[0] === "-m"
    ? [jupyter.command, ["-m", "nbformat.sign", path]]
    : ["jupyter", ["trust", path]];
  const output = await new Deno.Command(command, { args, stdin: "null", stdout: "piped", stderr: "piped" }).output();
  if (!output.success) {
    const message = new TextDecoder().decode(output.stderr).trim().split("\n").slice(-3).join("\n");
    throw new Error(`could not sign ${path} as trusted (${command} exit code ${output.code}): ${message}`);
  }
}
