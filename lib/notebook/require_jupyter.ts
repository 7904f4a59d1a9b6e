import { NotInKernelError } from "./not_in_kernel_error.ts";

/**
 * Returns the `Deno.jupyter` namespace, or throws `NotInKernelError` naming `helper` when the
 * code is not running inside the Deno Jupyter kernel.
 */
export function requireJupyter(helper: string): typeof Deno.jupyter {
  let jupyter: typeof Deno.jupyter | undefined;
  try {
    // Outside `deno jupyter` the getter itself throws, so reading it is the check.
    jupyter = Deno.jupyter;
  } catch (error) {
    throw new NotInKernelError(helper, { cause: error });
  }
  if (jupyter === undefined || typeof jupyter.display !== "function") throw new NotInKernelError(helper);
  return jupyter;
}
