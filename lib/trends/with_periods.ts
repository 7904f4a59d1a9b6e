import pl from "nodejs-polars";

/**
 * Adds `period` (the UTC day, `YYYY-MM-DD`) and `period_start` (that day's midnight, ISO 8601)
 * to a frame whose `started_at` contains ISO 8601 UTC times as the importer and the runner write
 * them (`2026-03-01T12:00:00.000Z`).
 */
export function withDayPeriods(trials: pl.DataFrame): pl.DataFrame {
  checkFrame(trials, "withDayPeriods");
  const day = pl.col("started_at").str.slice(0, 10);
  return trials.withColumns(day.alias("period"), day.add(pl.lit("T00:00:00.000Z")).alias("period_start"));
}

/**
 * Adds `period` (the UTC hour of day, `00`–`23`) and `period_start` (a sortable stand-in,
 * `1970-01-01THH:00:00.000Z`), so requests of every day fall into 24 periods.
 */
export function withHourPeriods(trials: pl.DataFrame): pl.DataFrame {
  checkFrame(trials, "withHourPeriods");
  const hour = pl.col("started_at").str.slice(11, 2);
  return trials.withColumns(
    hour.alias("period"),
    pl.lit("1970-01-01T").add(hour).add(pl.lit(":00:00.000Z")).alias("period_start"),
  );
}

/** Puts every trial of a run into one period named after the run and starting at the run's start. */
export function withRunPeriod(trials: pl.DataFrame, runId: string, startedAt: string): pl.DataFrame {
  if (!trials || typeof trials.withColumns !== "function") {
    throw new TypeError("withRunPeriod: trials must be a polars DataFrame");
  }
  if (typeof runId !== "string" || runId === "") throw new TypeError("withRunPeriod: runId must be the run's id");
  if (typeof startedAt !== "string" || Number.isNaN(Date.parse(startedAt))) {
    throw new TypeError(`withRunPeriod: startedAt must be an ISO 8601 time, got ${JSON.stringify(startedAt)}`);
  }
  return trials.withColumns(pl.lit(runId).alias("period"), pl.lit(startedAt).alias("period_start"));
}

function checkFrame(trials: pl.DataFrame, caller: string): void {
  if (!trials || typeof trials.withColumns !== "function") throw new TypeError(`${caller}: trials must be a polars DataFrame`);
  if (!trials.columns.includes("started_at")) {
    throw new RangeError(`${caller}: the frame has no started_at column; load it with loadImportedTrials or loadTrials`);
  }
}
