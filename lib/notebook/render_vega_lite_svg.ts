import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";

/**
 * Renders a Vega-Lite spec to an SVG string without a browser: compiles it to Vega, then draws
 * it with a headless Vega view (`renderer: "none"`). Text widths are estimated because no
 * canvas is available, so labels can sit a few pixels off compared with a browser.
 *
 * Throws an error saying Vega-Lite could not compile the spec, or Vega's error when its data
 * cannot be loaded.
 */
export async function renderVegaLiteSvg(spec: TopLevelSpec): Promise<string> {
  if (spec === null || typeof spec !== "object" || Array.isArray(spec)) {
    throw new TypeError("renderVegaLiteSvg: spec must be a Vega-Lite spec object");
  }
  let compiled;
  try {
    compiled = compile(spec).spec;
  } catch (error) {
    // Vega-Lite reports some invalid specs only as a TypeError from deep inside, e.g. for an
    // unknown mark type, so the message names the step that failed.
    throw new Error(
      `Vega-Lite could not compile the chart spec (${(error as Error).message}); check its mark, encoding and data`,
      { cause: error },
    );
  }
  const view = new vega.View(vega.parse(compiled), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
