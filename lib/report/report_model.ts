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

/** A model's weighted score in one scenario, with its 95% band. */
export interface ScoredModel {
  model: string;
  score: number;
  low: number;
  high: number;
}

/** One number behind a recommendation, and the chart or table anchor that shows it. */
export interface Evidence {
  text: string;
  /** Element id in report.html, without "#". */
  anchor: string;
  /** Section id to link instead when the anchor's chart was not drawn. */
  fallback?: string;
}

/** The outcome of one scenario. */
export interface Recommendation {
  scenario: ScenarioDefinition;
  verdict: "winner" | "no-clear-winner" | "no-eligible-model" | "not-measured";
  /** The winner, or every model whose score band overlaps the leader's; empty when none qualifies. */
  models: string[];
  /** The numbers behind the verdict, in a sentence. */
  reason: string;
  /** The best model outside the tie, when there is one. */
  runnerUp: string | null;
  /** Every ranked model, best first. */
  ranking: ScoredModel[];
  /** Models left out, each with the constraint it broke or the criterion it lacks. */
  excluded: string[];
  evidence: Evidence[];
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

/** One dataset's sample failures. */
export interface DatasetFailures {
  dataset: string;
  taskKinds: string[];
  failures: Table | null;
}

/** A section of the report: sentences, charts, tables and notes. */
export interface ReportSection {
  id: string;
  title: string;
  /** Sentences printed under the heading. */
  intro: string[];
  charts: ChartArtifact[];
  tables: Table[];
  /** Charts not drawn or parts not measured, each with the reason. */
  notes: string[];
}

/** A per-trial data file written next to the report. */
export interface DataFile {
  name: string;
  format: string;
  rows: number;
  columns: number;
  description: string;
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
  /** Version-to-version changes, shown under the comparison. */
  versions: ReportSection;
  useCases: Table;
  /** Latency, throughput, cost, quality, errors and context handling, in that order. */
  sections: ReportSection[];
  methodology: Table;
  definitions: { term: string; definition: string }[];
  limitations: string[];
  dataFiles: DataFile[];
  /** Two-line loading snippets per tool. */
  loadSnippets: { tool: string; code: string }[];
}
