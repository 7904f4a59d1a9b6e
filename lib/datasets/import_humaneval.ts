import { checkImportedItem, requireString } from "./check_imported_item.ts";
import { DatasetError } from "./dataset_error.ts";
import { readJsonlRows } from "./read_jsonl_rows.ts";
import type { DatasetItem } from "./schema.ts";

/** Options of {@link importHumanEval}. */
export interface ImportHumanEvalOptions {
  /** Tags put on every item. Default `["humaneval"]`. */
  tags?: string[];
}

const SYSTEM_PROMPT = "You are a senior engineer writing TypeScript for Deno. Complete the function whose signature and " +
  "documentation are given. Return exactly one ```ts block with the whole function, with no explanation. Use no " +
  "imports and do not print.";

// Python rows cannot run in the TypeScript sandbox, so they are rejected with this hint.
const PYTHON_SIGNS = [/^\s*def\s+\w+\s*\(/m, /^\s*from\s+\w+\s+import\s/m, /^\s*import\s+\w+\s*$/m];

/**
 * Convert HumanEval-style JSONL (`task_id`, `prompt`, `canonical_solution`, `test`,
 * `entry_point`) into `code` items scored by `code-tests`.
 *
 * The prompt (signature and documentation) becomes the user message, and prompt plus
 * canonical solution becomes the reference. `test` must define `check(candidate)` with the
 * sandbox's helpers (`assert`, `assertEquals`, …) and runs as one test, `check(<entry>)`.
 * The original HumanEval is Python, which the sandbox cannot run: such rows fail with a
 * {@link DatasetError} asking for a TypeScript translation. Every fault names `file:line`,
 * the field and the fix.
 */
export function importHumanEval(text: string, file: string, options: ImportHumanEvalOptions = {}): DatasetItem[] {
  const tags = options.tags ?? ["humaneval"];
  const seen = new Map<string, number>();
  return readJsonlRows(text, file).map(({ line, value: row }) => {
    const taskId = requireString(row, "task_id", file, line);
    const prompt = requireString(row, "prompt", file, line);
    const solution = requireString(row, "canonical_solution", file, line);
    const test = requireString(row, "test", file, line);
    const entry = requireString(row, "entry_point", file, line);

    for (const [field, source] of [["prompt", prompt], ["canonical_solution", solution], ["test", test]] as const) {
      if (PYTHON_SIGNS.some((sign) => sign.test(source))) {
        throw new DatasetError({
          file,
          line,
          field,
          rule: "the row is Python, and the code-tests sandbox runs TypeScript",
          fix: "translate prompt, canonical_solution and test to TypeScript; test defines function check(candidate) " +
            "that calls assertEquals or assert",
        });
      }
    }
    if (!/\bfunction\s+check\s*\(|\bconst\s+check\s*=/.test(test)) {
      throw new DatasetError({
        file,
        line,
        field: "test",
        rule: "test does not define check(candidate)",
        fix: "define function check(candidate) { … } that asserts on candidate's results",
      });
    }

    const id = taskId.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
    const firstLine = seen.get(id);
    if (firstLine !== undefined) {
      throw new DatasetError({
        file,
        line,
        field: "task_id",
        rule: `task_id ${JSON.stringify(taskId)} gives id "${id}", already used on line ${firstLine}`,
        fix: "give every row a distinct task_id",
      });
    }
    seen.set(id, line);

    return checkImportedItem({
      id,
      kind: "code",
      messages: [
        { role: "system", content: SYSTEM_PROMPT },
        { role: "user", content: `Complete this function:\n\n\`\`\`ts\n${prompt.trimEnd()}\n\`\`\`` },
      ],
      reference: `\`\`\`ts\n${prompt}${solution.replace(/\s+$/, "")}\n\`\`\``,
      scorer: {
        name: "code-tests",
        entry,
        tests: `${test.trimEnd()}\n\ntest(${JSON.stringify(`check(${entry})`)}, () => check(${entry}));\n`,
      },
      tags,
    }, file, line);
  });
}
