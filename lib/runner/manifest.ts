import type { HarnessLoad } from "./harness_load_monitor.ts";
import type { TransportName } from "../providers/http_transport.ts";

/** Version of the `run.json` layout. */
export const RUN_SCHEMA_VERSION = 1;

/** One row of a dated price table, USD per million tokens. */
export interface PriceRow {
  provider: string;
  model: string;
  input_per_mtok: number;
  cached_input_per_mtok: number | null;
  cache_write_per_mtok: number | null;
  output_per_mtok: number;
  context_window: number | null;
  max_output: number | null;
  source: string;
  as_of: string;
}

/** The dataset files a run used, with a hash so later runs can tell whether they changed. */
export interface DatasetInfo {
  name: string;
  path: string;
  items: number;
  sha256: string;
}

/** `run.json`: everything needed to reload, compare and re-run a run. */
export interface RunManifest {
  schema_version: number;
  run_id: string;
  spec_path: string | null;
  /** The validated spec, with defaults filled in. */
  spec: Record<string, unknown>;
  started_at: string;
  /** Unix time in ms of the run's time 0: every `*_ms` time of its trials counts from it. */
  origin_unix_ms?: number;
  /** When later sessions resumed the run, ISO 8601. */
  resumed_at?: string[];
  finished_at: string | null;
  status: "running" | "completed" | "interrupted";
  /** Reason an interrupted run stopped (Ctrl-C, cost budget), null otherwise. */
  stop_reason: string | null;
  deno_version: string;
  sdk_versions: Record<string, string>;
  /** Endpoint kind per model ref (`openai:gpt-4o` → `emulated`). */
  endpoints: Record<string, "real" | "emulated">;
  /** "emulated" when every model ran on the emulator, "real" when none did, else "mixed". */
  endpoint_kind: "real" | "emulated" | "mixed";
  /** `replay` is the run folder the emulator replayed, when it replayed one. */
  emulator: { url: string; seed: number; profiles_file: string; replay?: string | null } | null;
  datasets: DatasetInfo[];
  price_table: { path: string; rows: PriceRow[] };
  trials_planned: number;
  /** Observed maximum number of requests in flight at once. */
  peak_in_flight: number;
  /** Transport under each model's SDK: `socket` (send and arrival stamped at the socket) or `fetch`. */
  transports?: Record<string, TransportName>;
  /** Load of the benchmark process while trials ran; for a resumed run, the larger figure of its sessions. */
  harness_load?: HarnessLoad;
  /** One entry per load phase (one per sweep level, else one), in the order they ran. */
  phases?: PhaseInfo[];
  /** Worst-case cost of the trials on real endpoints, estimated before the run. */
  estimated_max_cost_usd?: number;
  /** Recorded cost of the run's attempts on real endpoints, retried attempts included. Cached trials cost nothing. */
  spent_real_usd?: number;
}

/** One load phase of a run: the settings in force and what was observed. Times are ms on the run clock. */
export interface PhaseInfo {
  index: number;
  mode: "closed" | "open";
  /** Requests allowed in flight. */
  concurrency: number;
  /** Arrival rate of an open loop, null for a closed loop. */
  rate_per_s: number | null;
  arrival: "constant" | "poisson" | null;
  trials_planned: number;
  /** Trials this session ran (a resumed run skips finished ones). */
  trials_run: number;
  started_ms: number | null;
  ended_ms: number | null;
  /** Observed maximum number of requests in flight during the phase. */
  peak_in_flight: number;
}
