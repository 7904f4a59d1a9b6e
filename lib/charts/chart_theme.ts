import type { Config } from "vega-lite";

/** Plot width in pixels, chosen to fit an A4 page at print size. */
export const CHART_WIDTH = 520;
/** Height of one model's row (or band) in pixels. */
export const ROW_STEP = 34;

/** Colours for models, colour-blind safe (Okabe–Ito order), reused in every chart. */
export const MODEL_COLOURS = [
  "#0072B2",
  "#E69F00",
  "#009E73",
  "#CC79A7",
  "#56B4E9",
  "#D55E00",
  "#F0E442",
  "#000000",
];

/** Shared Vega-Lite config: plain fonts, readable sizes, white background for print and PNG. */
export const CHART_CONFIG: Config = {
  background: "white",
  font: "sans-serif",
  title: { fontSize: 14, anchor: "start", subtitleFontSize: 11, subtitleColor: "#444" },
  axis: { labelFontSize: 11, titleFontSize: 12, labelLimit: 340 },
  legend: { labelFontSize: 11, titleFontSize: 12, labelLimit: 340 },
  view: { stroke: null },
};

/** Build the colour scale for model fields, keeping each model's colour fixed across charts. */
export function modelColourScale(models: readonly string[] | undefined) {
  return models && models.length > 0
    ? { domain: [...models], range: models.map((_, i) => MODEL_COLOURS[i % MODEL_COLOURS.length]) }
    : { range: MODEL_COLOURS };
}
