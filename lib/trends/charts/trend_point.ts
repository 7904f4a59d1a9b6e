import type { PeriodMetric } from "../period_metric.ts";

/** A period metric with the short label charts put on the x axis. */
export interface TrendPoint extends PeriodMetric {
  label: string;
}

/** Inputs every trend chart takes: the points, the axis order and the models' colour order. */
export interface TrendChartInput {
  points: readonly TrendPoint[];
  /** Every label in axis order (oldest first). */
  labels: readonly string[];
  /** Models in legend order, so each keeps its colour across charts. */
  models: readonly string[];
  /** Axis title, e.g. "Day (UTC)" or "Run". */
  axisTitle: string;
}
