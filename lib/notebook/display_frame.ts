import { frameBundle, type FrameDisplayOptions, type FrameLike } from "./frame_bundle.ts";
import { requireJupyter } from "./require_jupyter.ts";

export type { FrameDisplayOptions, FrameLike };

/**
 * Displays a nodejs-polars DataFrame in the notebook as an HTML table (with a row count and a
 * truncation note past `maxRows`, default 20) plus a plain-text table. Resolves once the kernel
 * has sent the output, so several awaited calls in one cell each keep their output.
 *
 * Throws `NotInKernelError` outside the Deno Jupyter kernel.
 */
export async function displayFrame(df: FrameLike, options: FrameDisplayOptions = {}): Promise<void> {
  const jupyter = requireJupyter("displayFrame");
  await jupyter.display(frameBundle(df, options), { raw: true });
}
