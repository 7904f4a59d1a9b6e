import type { TrendChartInput } from "./trend_point.ts";

/** Builds the shared x axis of the trend charts: ordinal periods in time order, labels turned when many. */
export function trendAxis(input: TrendChartInput) {
  return {
    field: "label",
    type: "ordinal",
    title: input.axisTitle,
    scale: { domain: [...input.labels] },
    sort: [...input.labels],
    axis: { labelAngle: input.labels.length > 8 ? -60 : 0, labelLimit: 160 },
  } as const;
}
