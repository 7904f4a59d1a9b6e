import pl from "nodejs-polars";

/** Outcomes of two models on one item and repetition. */
export interface TrialPair {
  dataset: string;
  item_id: string;
  repetition: number;
  a_pass: boolean;
  b_pass: boolean;
  a_score: number;
  b_score: number;
}

/**
 * Pair the final attempts of two models on the same dataset item and repetition, for
 * paired tests. As in the pass rate, a final attempt that failed with an error and has
 * no grade counts as not passed with score 0. Trials that are neither graded nor failed,
 * and items only one model was graded on, are left out. Pairs are sorted by dataset, item
 * and repetition.
 *
 * NOTE: repetitions of one item count as separate pairs, although they are correlated;
 * with several repetitions the tests overstate the evidence somewhat.
 */
export function pairTrials(
  trials: pl.DataFrame,
  modelA: string,
  modelB: string,
  options: { dataset?: string } = {},
): TrialPair[] {
  if (!trials || typeof trials.filter !== "function") {
    throw new TypeError("pairTrials: trials must be the polars frame loadTrials returns");
  }
  if (typeof modelA !== "string" || typeof modelB !== "string" || modelA === modelB) {
    throw new RangeError(`pairTrials: modelA and modelB must be two different model refs, got ${modelA} and ${modelB}`);
  }
  const outcomesA = outcomes(trials, modelA, options.dataset);
  const outcomesB = outcomes(trials, modelB, options.dataset);

  const pairs: TrialPair[] = [];
  for (const [key, a] of outcomesA) {
    const b = outcomesB.get(key);
    if (b === undefined) continue;
    pairs.push({
      dataset: a.dataset,
      item_id: a.item_id,
      repetition: a.repetition,
      a_pass: a.pass,
      b_pass: b.pass,
      a_score: a.score,
      b_score: b.score,
    });
  }
  return pairs.sort((x, y) =>
    x.dataset.localeCompare(y.dataset) || x.item_id.localeCompare(y.item_id) || x.repetition - y.repetition
  );
}

interface Outcome {
  dataset: string;
  item_id: string;
  repetition: number;
  pass: boolean;
  score: number;
}

function outcomes(trials: pl.DataFrame, model: string, dataset: string | undefined): Map<string, Outcome> {
  let rows = trials.filter(pl.col("model").eq(pl.lit(model)).and(pl.col("is_final_attempt")));
  if (dataset !== undefined) rows = rows.filter(pl.col("dataset").eq(pl.lit(dataset)));
  const records = rows.select("dataset", "item_id", "repetition", "status", "grade_pass", "grade_score").toRecords();

  const byKey = new Map<string, Outcome>();
  for (const record of records) {
    const graded = record.grade_pass !== null && record.grade_pass !== undefined;
    if (!graded && record.status !== "error") continue;
    const pass = graded && record.grade_pass === true;
    const score = graded ? Number(record.grade_score ?? (pass ? 1 : 0)) : 0;
    const repetition = Number(record.repetition ?? 0);
    const outcome = { dataset: String(record.dataset), item_id: String(record.item_id), repetition, pass, score };
    byKey.set(JSON.stringify([outcome.dataset, outcome.item_id, repetition]), outcome);
  }
  return byKey;
}
