import { join } from "node:path";

/** Name of the kernelspec the runner installs; notebooks made with the Deno kernel use it too. */
export const DENO_KERNEL_NAME = "deno";

/** A Deno kernelspec installed into a private Jupyter data directory. */
export interface InstalledKernelspec {
  /** Kernel name to pass when starting a kernel. */
  name: string;
  /** Folder holding kernel.json and the logos. */
  kernelDir: string;
  /** Directory to put on JUPYTER_PATH so a Jupyter Server finds the kernelspec. */
  jupyterPath: string;
  /** Deno binary the kernelspec starts. */
  denoPath: string;
}

/**
 * Installs the Deno kernelspec with `deno jupyter --install --force` into
 * `<dataHome>/jupyter/kernels/<name>`, pointing at the Deno binary that runs this code
 * (`Deno.execPath()`), so kernels use the same Deno version as the tasks.
 *
 * `deno jupyter --install` writes under `$XDG_DATA_HOME/jupyter` (checked with Deno 2.9.6), so
 * setting XDG_DATA_HOME keeps the user's own Jupyter folders untouched. The written kernel.json
 * is read back. An unreadable one throws an error naming the file. A kernel binary other than
 * `Deno.execPath()` is replaced by it.
 */
export async function installKernelspec(dataHome: string, name = DENO_KERNEL_NAME): Promise<InstalledKernelspec> {
  if (typeof dataHome !== "string" || dataHome === "") {
    throw new TypeError("installKernelspec: dataHome must be a directory path");
  }
  if (!/^[A-Za-z0-9._-]+$/.test(name)) {
    throw new Error(
      `installKernelspec: kernel name ${JSON.stringify(name)} may contain only letters, digits, ".", "_" and "-"`,
    );
  }
  const denoPath = Deno.execPath();
  const output = await new Deno.Command(denoPath, {
    args: ["jupyter", "--install", "--name", name, "--display", "Deno", "--force"],
    env: { XDG_DATA_HOME: dataHome, NO_COLOR: "1" },
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).output();
  if (!output.success) {
    const decoder = new TextDecoder();
    const text = (decoder.decode(output.stdout) + decoder.decode(output.stderr)).trim();
    throw new Error(`deno jupyter --install failed with exit code ${output.code}: ${text}`);
  }

  const jupyterPath = join(dataHome, "jupyter");
  const kernelDir = join(jupyterPath, "kernels", name);
  const kernelJsonPath = join(kernelDir, "kernel.json");
  let argv: unknown;
  try {
    argv = JSON.parse(await Deno.readTextFile(kernelJsonPath)).argv;
  } catch (error) {
    throw new Error(
      `deno jupyter --install did not write a readable ${kernelJsonPath}; this Deno may not honour XDG_DATA_HOME`,
      { cause: error },
    );
  }
  if (!Array.isArray(argv) || typeof argv[0] !== "string") {
    throw new Error(`${kernelJsonPath} has no argv list starting with the Deno binary: ${JSON.stringify(argv)}`);
  }
  // Under `npx deno` the written path can be npm's .bin symlink instead of the binary itself.
  // Pin the kernel to the exact binary that runs the tasks.
  if (argv[0] !== denoPath) {
    const kernelJson = JSON.parse(await Deno.readTextFile(kernelJsonPath));
    kernelJson.argv[0] = denoPath;
    await Deno.writeTextFile(kernelJsonPath, JSON.stringify(kernelJson, null, 2) + "\n");
  }
  return { name, kernelDir, jupyterPath, denoPath };
}
