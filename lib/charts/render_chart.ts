import { fileURLToPath } from "node:url";
import { Resvg } from "@resvg/resvg-js";
import * as vega from "vega";
import { compile } from "vega-lite";
import type { ChartSpec } from "./chart_types.ts";

/** The font the PNG renderer maps `sans-serif` to; shipped by the npm package below. */
const FONT_FAMILY = "DejaVu Sans";
/** PNG pixels per SVG pixel, for sharp text in documents. */
const PNG_ZOOM = 2;

let fontFiles: Promise<string[]> | null = null;

/**
 * Render a Vega-Lite spec headless: compile it to Vega, draw it with Vega's SVG string
 * renderer, then rasterise the SVG to PNG with resvg. Text in the PNG uses DejaVu Sans
 * from the `dejavu-fonts-ttf` npm package (the system fonts only when that package is
 * missing), so charts keep their text on machines without fonts installed. Throws when
 * the spec does not compile.
 */
export async function renderChart(spec: ChartSpec): Promise<{ svg: string; png: Uint8Array }> {
  if (spec === null || typeof spec !== "object") {
    throw new TypeError("renderChart: spec must be a Vega-Lite spec object from a lib/charts builder");
  }
  const compiled = compile(spec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none" });
  let svg: string;
  try {
    svg = await view.toSVG();
  } finally {
    view.finalize();
  }
  const fonts = await bundledFontFiles();
  const resvg = new Resvg(svg, {
    background: "white",
    fitTo: { mode: "zoom", value: PNG_ZOOM },
    font: {
      // Scanning the system's fonts costs more than drawing a chart; the bundled font suffices.
      loadSystemFonts: fonts.length === 0,
      fontFiles: fonts,
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
    },
  });
  const png = resvg.render().asPng();
  return { svg, png: new Uint8Array(png) };
}

function bundledFontFiles(): Promise<string[]> {
  fontFiles ??= (async () => {
    try {
      // Importing the package manifest makes Deno install the package, so its files exist.
      // The specifier is inline because deno.json's import map is shared and not edited here.
      // deno-lint-ignore no-import-prefix
      await import("npm:dejavu-fonts-ttf@2.37.3/package.json", { with: { type: "json" } });
      return ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map((name) =>
        fileURLToPath(import.meta.resolve(`npm:dejavu-fonts-ttf@2.37.3/ttf/${name}`))
      );
    } catch {
      // NOTE: without the package, text relies on system fonts alone.
      return [];
    }
  })();
  return fontFiles;
}
