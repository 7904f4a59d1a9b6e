import { codeTestsScorer } from "./code_tests_scorer.ts";
import { exactScorer } from "./exact_scorer.ts";
import { expectedErrorScorer } from "./expected_error_scorer.ts";
import { jsonSchemaScorer } from "./json_schema_scorer.ts";
import { keyFactsScorer } from "./key_facts_scorer.ts";
import { llmJudgeScorer } from "./llm_judge_scorer.ts";
import { needleScorer } from "./needle_scorer.ts";
import { regexScorer } from "./regex_scorer.ts";
import type { Scorer } from "./scorer.ts";
import { sqlResultScorer } from "./sql_result_scorer.ts";

/** Every scorer by the name that `item.scorer.name` uses to select it. */
export const SCORERS: ReadonlyMap<string, Scorer> = new Map(
  [
    exactScorer,
    regexScorer,
    jsonSchemaScorer,
    codeTestsScorer,
    sqlResultScorer,
    keyFactsScorer,
    needleScorer,
    expectedErrorScorer,
    llmJudgeScorer,
  ].map((scorer) => [scorer.name, scorer]),
);
