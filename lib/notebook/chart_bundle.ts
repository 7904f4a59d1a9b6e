import type { TopLevelSpec } from "vega-lite";
import type { MimeBundle } from "./notebook_types.ts";
import { renderVegaLiteSvg } from "./render_vega_lite_svg.ts";

/** MIME type that JupyterLab and VS Code render interactively with Vega-Lite 5. */
export const VEGA_LITE_MIME = "application/vnd.vegalite.v5+json";

/** Options of `chartBundle` and `displayChart`. */
export interface ChartDisplayOptions {
  /** Text for `text/plain`; defaults to the spec's title, then "Vega-Lite chart". */
  title?: string;
}

/**
 * Builds the MIME bundle for a Vega-Lite spec: the spec itself under the Vega-Lite 5 MIME
 * type (interactive in JupyterLab and VS Code), a headless `image/svg+xml` rendering (for
 * classic Notebook, nbconvert and GitHub) and the title as `text/plain`.
 */
export async function chartBundle(spec: TopLevelSpec, options: ChartDisplayOptions = {}): Promise<MimeBundle> {
  if (spec === null || typeof spec !== "object" || Array.isArray(spec)) {
    throw new TypeError("chartBundle: spec must be a Vega-Lite spec object");
  }
  if (options.title !== undefined && typeof options.title !== "string") {
    throw new TypeError("chartBundle: title must be a string");
  }
  // Vega adds id symbols to inline data rows while it renders, so it renders a copy.
  // The bundle gets a plain JSON copy without those ids or other non-JSON values.
  const svg = await renderVegaLiteSvg(structuredClone(spec));
  const specJson = JSON.parse(JSON.stringify(spec));
  return {
    [VEGA_LITE_MIME]: specJson,
    "image/svg+xml": svg,
    "text/plain": options.title ?? titleOf(spec) ?? "Vega-Lite chart",
  };
}

function titleOf(spec: TopLevelSpec): string | undefined {
  const title = (spec as { title?: unknown }).title;
  if (typeof title === "string") return title;
  if (Array.isArray(title)) return title.join(" ");
  if (title !== null && typeof title === "object") {
    const text = (title as { text?: unknown }).text;
    if (typeof text === "string") return text;
    if (Array.isArray(text)) return text.join(" ");
  }
  return undefined;
}
