import type { SeededRandom } from "./seeded_random.ts";

/** One source edit: the first match of `pattern` is replaced by `replace`. */
interface Mutation {
  pattern: RegExp;
  replace: (match: string, ...groups: string[]) => string;
}

// Off-by-one edits come first because they are the classic subtle bug. Logic flips follow.
const CODE_MUTATIONS: Mutation[][] = [
  [
    { pattern: /<=/, replace: () => "<" },
    { pattern: />=/, replace: () => ">" },
    { pattern: /(?<![<>=\-!])<(?![<=])/, replace: () => "<=" },
    { pattern: /(?<![<>=\-])>(?![>=])/, replace: () => ">=" },
    { pattern: /([+-])\s?1\b/, replace: (_m, sign) => (sign === "+" ? "- 1" : "+ 1") },
    { pattern: /\brange\(([^()]*(?:\([^()]*\))?[^()]*)\)/, replace: (_m, args) => `range(${args} - 1)` },
    { pattern: /\[1:\]/, replace: () => "[2:]" },
  ],
  [
    { pattern: /===?/, replace: (match) => (match === "===" ? "!==" : "!=") },
    { pattern: /!==?/, replace: (match) => (match === "!==" ? "===" : "==") },
    { pattern: /\bTrue\b/, replace: () => "False" },
    { pattern: /\bFalse\b/, replace: () => "True" },
    { pattern: /\btrue\b/, replace: () => "false" },
    { pattern: /\bfalse\b/, replace: () => "true" },
    { pattern: /&&/, replace: () => "||" },
    { pattern: /\band\b/, replace: () => "or" },
    { pattern: /\bmax\(/, replace: () => "min(" },
    { pattern: /\bmin\(/, replace: () => "max(" },
  ],
];

const SQL_MUTATIONS: Mutation[][] = [
  [
    { pattern: />=/, replace: () => ">" },
    { pattern: /<=/, replace: () => "<" },
    { pattern: /(?<![<>!])>(?!=)/, replace: () => "<" },
    { pattern: /(?<![<>!])<(?![=>])/, replace: () => ">" },
    { pattern: /(?<![<>!=])=(?!=)/, replace: () => "<>" },
    { pattern: /\bAND\b/i, replace: () => "OR" },
    { pattern: /\bIS NOT NULL\b/i, replace: () => "IS NULL" },
    { pattern: /\bIS NULL\b/i, replace: () => "IS NOT NULL" },
    { pattern: /'([^']+)'/, replace: (_m, text) => `'${text}x'` },
    { pattern: /\b(\d+)\b/, replace: (_m, digits) => String(Number(digits) + 1) },
  ],
  [
    { pattern: /\bDESC\b/i, replace: () => "ASC" },
    { pattern: /\bASC\b/i, replace: () => "DESC" },
    { pattern: /\bLIMIT\s+(\d+)/i, replace: (_m, digits) => `LIMIT ${Number(digits) + 1}` },
  ],
];

/** Breaks the logic of a code answer with one small edit, preferring an off-by-one. */
export function corruptCode(reference: string, random: SeededRandom): string {
  const mutated = applyOneMutation(reference, CODE_MUTATIONS, random);
  if (mutated !== null) return mutated;
  // No pattern matched: dropping the last statement still leaves plausible-looking code.
  const lines = reference.trimEnd().split("\n");
  const lastCode = lines.findLastIndex((line) => line.trim() !== "" && !line.trim().startsWith("```"));
  if (lastCode > 0) return [...lines.slice(0, lastCode), ...lines.slice(lastCode + 1)].join("\n");
  return `${reference.trimEnd()}\n# TODO: handle the remaining cases`;
}

/**
 * Changes one condition of a SQL answer. Edits after WHERE, ON or HAVING are preferred, so
 * the query keeps its shape but selects different rows.
 */
export function corruptSql(reference: string, random: SeededRandom): string {
  const clause = reference.search(/\b(WHERE|HAVING|ON)\b/i);
  if (clause >= 0) {
    const head = reference.slice(0, clause);
    const mutated = applyOneMutation(reference.slice(clause), SQL_MUTATIONS.slice(0, 1), random);
    if (mutated !== null) return head + mutated;
  }
  const mutated = applyOneMutation(reference, SQL_MUTATIONS, random);
  if (mutated !== null) return mutated;
  const body = reference.trimEnd().replace(/;$/, "");
  return `${body} LIMIT 1${reference.trimEnd().endsWith(";") ? ";" : ""}`;
}

function applyOneMutation(source: string, groups: Mutation[][], random: SeededRandom): string | null {
  for (const group of groups) {
    const applicable = group.filter((mutation) => mutation.pattern.test(source));
    if (applicable.length === 0) continue;
    const mutation = random.pick(applicable);
    return source.replace(mutation.pattern, (match, ...rest) => {
      const groupsOnly = rest.slice(0, -2).map((group) => (group === undefined ? "" : String(group)));
      return mutation.replace(match, ...groupsOnly);
    });
  }
  return null;
}
