import { z } from "zod";
import type { DatasetItem } from "../datasets/schema.ts";
import type { Grade } from "../runner/record.ts";
import { findUnsupported } from "./find_unsupported.ts";
import { formatValue } from "./format_value.ts";
import { matchText } from "./match_text.ts";
import { noResponseGrade } from "./no_response_grade.ts";
import type { Scorer } from "./scorer.ts";

const factSchema = z.object({
  /** Short name of the fact, used in grade reasons. */
  label: z.string().min(1),
  /** Accepted phrasings; one of them must appear as whole words (case, punctuation and markup ignored). */
  any: z.array(z.string().min(1)).min(1).optional(),
  /** Or a regular expression the summary must match. */
  pattern: z.string().min(1).optional(),
  flags: z.string().regex(/^[imsuv]*$/, "flags must be some of i, m, s, u, v").default("i"),
}).superRefine((fact, context) => {
  if ((fact.any === undefined) === (fact.pattern === undefined)) {
    context.addIssue({ code: "custom", path: ["any"], message: "give a fact either any (phrasings) or pattern, not both" });
  }
  if (fact.pattern !== undefined) {
    try {
      new RegExp(fact.pattern, fact.flags);
    } catch (error) {
      context.addIssue({ code: "custom", path: ["pattern"], message: `invalid regular expression: ${(error as Error).message}` });
    }
  }
});

const settingsSchema = z.object({
  name: z.literal("key-facts"),
  facts: z.array(factSchema).min(1),
  /** Share of facts a passing summary must state. Default 1: all of them. */
  min_recall: z.number().gt(0).max(1).default(1),
  /** Flag numbers, versions, dates and names that the source does not contain. Default true. */
  check_unsupported: z.boolean().default(true),
  /** Tokens that count as supported although the source does not contain them. */
  allow: z.array(z.string()).default([]),
  /** Upper bound on the summary's length in words, so that copying the source does not pass. */
  max_words: z.int().positive().optional(),
});

const MAX_LISTED = 3;

/**
 * Scorer for summaries: the recall of the item's key facts (each a set of accepted
 * phrasings or a pattern) and a check for unsupported statements, i.e. numbers, version
 * strings, dates and names in the summary that the source (the item's user messages)
 * does not contain.
 *
 * Pass means recall >= `min_recall`, nothing unsupported and at most `max_words` words.
 * Score is the recall, halved when something is unsupported or the summary is too long.
 */
export const keyFactsScorer: Scorer = {
  name: "key-facts",
  settings: settingsSchema,
  score(item: DatasetItem, output: string): Promise<Grade> {
    const empty = noResponseGrade(output);
    if (empty) return Promise.resolve(empty);

    const settings = settingsSchema.parse(item.scorer);
    const missing: string[] = [];
    for (const fact of settings.facts) {
      const stated = fact.pattern !== undefined
        ? new RegExp(fact.pattern, fact.flags).test(output)
        : matchText(output, fact.any!, { normalize: "alnum", match: "contains", tolerance: null }).pass;
      if (!stated) missing.push(fact.label);
    }
    const total = settings.facts.length;
    const recall = (total - missing.length) / total;
    const unsupported = settings.check_unsupported ? findUnsupported(output, sourceText(item), settings.allow) : [];
    const words = output.trim().split(/\s+/).length;
    const tooLong = settings.max_words !== undefined && words > settings.max_words;

    const pass = recall >= settings.min_recall && unsupported.length === 0 && !tooLong;
    const score = unsupported.length > 0 || tooLong ? recall / 2 : recall;
    const parts = [`${total - missing.length}/${total} key facts (need ${Math.ceil(settings.min_recall * total)})`];
    if (missing.length > 0) parts.push(`missing ${listed(missing.map(formatValue))}`);
    if (unsupported.length > 0) parts.push(`unsupported by the source: ${listed(unsupported.map(formatValue))}`);
    if (tooLong) parts.push(`${words} words, limit ${settings.max_words}`);
    return Promise.resolve({ pass, score, reason: parts.join("; ") });
  },
};

function sourceText(item: DatasetItem): string {
  return item.messages
    .filter((message) => message.role === "user")
    .flatMap((message) =>
      typeof message.content === "string"
        ? [message.content]
        : message.content.flatMap((part) => (part.type === "text" ? [part.text] : []))
    )
    .join("\n");
}

function listed(values: string[]): string {
  const first = values.slice(0, MAX_LISTED).join(", ");
  return values.length > MAX_LISTED ? `${first} and ${values.length - MAX_LISTED} more` : first;
}
