import { PERCENTILE_METHOD } from "../analysis/percentile_method.ts";
import type { Table } from "./report_model.ts";
import { QUALITY_FLOOR } from "./scenarios.ts";

/** Build the key criteria table: what each headline number is and how it was measured. */
export function criteriaTable(): Table {
  const percentiles = `percentiles by ${PERCENTILE_METHOD.name}`;
  return {
    id: "key-criteria",
    caption: "Key criteria",
    columns: ["Criterion", "Metric", "How measured", "Unit"],
    rows: [
      [
        "Responsiveness",
        "TTFT p50, p90",
        `First event with non-empty output text (answer or reasoning) minus request send; successful trials only; ${percentiles}`,
        "ms",
      ],
      [
        "Total latency",
        "End-to-end p50, p95",
        "Terminal stream event or stream close minus request send; successful trials only",
        "ms",
      ],
      [
        "Throughput",
        "Output speed, median",
        "(output tokens − 1) / (last content event − first content event) per trial, output tokens from server usage",
        "tokens/s",
      ],
      [
        "Cost",
        "Cost per 1,000 requests",
        "Mean cost of a successful request from server-reported usage and the run's price table, × 1,000",
        "USD",
      ],
      [
        "Quality",
        "Pass rate with Wilson 95% interval",
        "Passed / (graded + failed) final attempts; the dataset's scorer grades each output, errors count as not passed",
        "%",
      ],
      ["Reliability", "Error rate", "Trials that ended in an error / all trials, after the runner's retries", "%"],
      [
        "Context",
        "Context window; largest input measured",
        "Maximum input tokens from the price table; largest server-reported input of a successful trial",
        "tokens",
      ],
      [
        "Recommendation floor",
        "Minimum pass rate",
        "Latency, cost and throughput recommendations only consider models at or above it",
        `${Math.round(QUALITY_FLOOR * 100)}%`,
      ],
    ],
  };
}
