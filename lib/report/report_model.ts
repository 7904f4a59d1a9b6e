import type { ScenarioDefinition } from "./scenarios.ts";

/** A table of plain-text cells. Renderers escape every cell. */
export interface Table {
  /** Anchor id, unique in the report. */
  id: string;
  caption: string;
  columns: string[];
  rows: string[][];
  /** Indexes of columns that hold numbers, aligned right. */
  numericColumns?: number[];
  /** Indexes of columns that hold model output or error text, set in a monospace font. */
  excerptColumns?: number[];
  /** A sentence printed under the table. */
  note?: string;
}

/** The outcome of one scenario. */
export interface Recommendation {
  scenario: ScenarioDefinition;
  verdict: "winner" | "no-clear-winner" | "no-eligible-model" | "not-measured";
  /** The winner, or every model tied at the top; empty when none qualifies. */
  models: string[];
  /** The numbers behind the verdict, in a sentence. */
  reason: string;
  /** The best model outside the tie, when there is one. */
  runnerUp: string | null;
}

/** A rendered chart. */
export interface ChartArtifact {
  id: string;
  title: string;
  /** A sentence describing the chart, used as alt text and caption. */
  description: string;
  svg: string;
  png: Uint8Array;
  /** PNG file name, written next to `report.md`. */
  pngFile: string;
}

/** One dataset's section: its metrics table and sample failures. */
export interface DatasetSection {
  dataset: string;
  taskKinds: string[];
  metrics: Table;
  failures: Table | null;
}

/** Everything the HTML and Markdown renderers print, in report order. */
export interface ReportModel {
  title: string;
  runId: string;
  /** Models that ran on the emulator; the banner names them. Empty for a real run. */
  emulatedModels: string[];
  /** Sentences about a run that produced nothing usable (every trial failed, no trials). */
  notices: string[];
  models: string[];
  recommendations: Recommendation[];
  criteria: Table;
  comparison: Table;
  useCases: Table;
  charts: ChartArtifact[];
  /** Charts that were not drawn, with the reason. */
  skippedCharts: string[];
  datasets: DatasetSection[];
  errors: Table | null;
  methodology: Table;
  definitions: { term: string; definition: string }[];
  limitations: string[];
}
