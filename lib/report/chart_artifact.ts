import type { ChartSpec } from "../charts/chart_types.ts";
import { renderChart } from "../charts/render_chart.ts";
import type { ChartArtifact } from "./report_model.ts";

/**
 * Render a chart spec to SVG and PNG and wrap it for the report. The chart's anchor in
 * report.html is `chart-<id>`, its PNG file `<id>.png`.
 */
export async function chartArtifact(id: string, title: string, description: string, spec: ChartSpec): Promise<ChartArtifact> {
  if (!/^[a-z0-9-]+$/.test(id)) throw new RangeError(`chartArtifact: id must be lower-case letters, digits and dashes, got ${JSON.stringify(id)}`);
  const { svg, png } = await renderChart(spec);
  return { id, title, description, svg, png, pngFile: `${id}.png` };
}
