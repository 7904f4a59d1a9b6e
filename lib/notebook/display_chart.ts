import type { TopLevelSpec } from "vega-lite";
import { chartBundle, type ChartDisplayOptions } from "./chart_bundle.ts";
import { requireJupyter } from "./require_jupyter.ts";

export type { ChartDisplayOptions };

/**
 * Displays a Vega-Lite chart as one output holding the interactive spec, a headless SVG
 * rendering and the title as text, so JupyterLab, classic Notebook, VS Code and nbconvert all
 * show it. Resolves once the kernel has sent the output.
 *
 * Throws `NotInKernelError` outside the Deno Jupyter kernel, and Vega-Lite's error when the
 * spec does not compile.
 */
export async function displayChart(spec: TopLevelSpec, options: ChartDisplayOptions = {}): Promise<void> {
  const jupyter = requireJupyter("displayChart");
  await jupyter.display(await chartBundle(spec, options), { raw: true });
}
