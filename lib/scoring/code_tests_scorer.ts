import { z } from "zod";
import type { DatasetItem } from "../datasets/schema.ts";
import type { Grade } from "../runner/record.ts";
import { buildCodeTestProgram, type CodeTestProgram } from "./build_code_test_program.ts";
import { extractCodeBlock } from "./extract_code_block.ts";
import { noResponseGrade } from "./no_response_grade.ts";
import { readTaggedLines } from "./read_tagged_lines.ts";
import { runSandboxed, type SandboxResult } from "./run_sandboxed.ts";
import type { ScoreOptions, Scorer } from "./scorer.ts";

const CODE_LANGUAGES = ["ts", "typescript", "js", "javascript"];
const MAX_LISTED_FAILURES = 2;

const settingsSchema = z.object({
  name: z.literal("code-tests"),
  /** Name of the function the output must define. */
  entry: z.string().regex(/^[A-Za-z_$][\w$]*$/, "entry must be a JavaScript identifier, e.g. parseDuration"),
  /** Hidden test code; see `buildCodeTestProgram` for the helpers it may call. */
  tests: z.string().refine((tests) => /\btest\s*\(/.test(tests), "tests must register at least one test(name, fn)"),
  timeout_ms: z.int().positive().max(120_000).default(10_000),
  memory_mb: z.int().min(32).max(4096).default(256),
});

interface TestResult {
  name: string;
  ok: boolean;
  message?: string;
}

/**
 * Scorer for code tasks: the output's code (the first ```ts/```typescript block, else
 * the whole output) runs with the item's hidden tests in the sandbox. The score is the
 * share of tests passed; pass means every test passed.
 */
export const codeTestsScorer: Scorer = {
  name: "code-tests",
  settings: settingsSchema,
  async score(item: DatasetItem, output: string, options: ScoreOptions = {}): Promise<Grade> {
    const empty = noResponseGrade(output);
    if (empty) return empty;

    const settings = settingsSchema.parse(item.scorer);
    const code = extractCodeBlock(output, CODE_LANGUAGES);
    const tag = crypto.randomUUID().replaceAll("-", "");
    const program = buildCodeTestProgram(code, settings.tests, settings.entry, tag);
    const run = await runSandboxed(program.source, {
      timeoutMs: settings.timeout_ms,
      memoryMb: settings.memory_mb,
      signal: options.signal,
    });
    return gradeRun(run, tag, program, settings.entry);
  },
};

function gradeRun(run: SandboxResult, tag: string, program: CodeTestProgram, entry: string): Grade {
  const records = readTaggedLines(run.stdout, tag);
  const plan = records.find((record) => record.kind === "plan");
  if (plan === undefined) {
    const failure = run.reason ?? "the program exited before the tests started";
    return { pass: false, score: 0, reason: `code did not run: ${failure}${locate(run.stderr, program)}` };
  }

  const total = Number(plan.total);
  const results = records.filter((record) => record.kind === "result") as unknown as TestResult[];
  const passed = results.filter((result) => result.ok).length;
  const finished = records.some((record) => record.kind === "done");
  const score = total === 0 ? 0 : passed / total;
  const pass = finished && total > 0 && passed === total;

  const parts = [`${passed}/${total} tests passed`];
  if (plan.entryType !== "function") {
    parts.push(`${entry} is not defined as a function (typeof is "${plan.entryType}")`);
  }
  const failures = results.filter((result) => !result.ok);
  for (const failure of failures.slice(0, MAX_LISTED_FAILURES)) {
    parts.push(`${failure.name} ${failure.message}`);
  }
  if (failures.length > MAX_LISTED_FAILURES) parts.push(`and ${failures.length - MAX_LISTED_FAILURES} more failed`);
  if (!finished) {
    parts.push(`${total - results.length} did not run: ${run.reason ?? "the program stopped early"}`);
  }
  const [head, ...rest] = parts;
  return { pass, score, reason: rest.length === 0 ? head : `${head}: ${rest.join("; ")}` };
}

// Stack locations point into the joined program, so they are mapped back to the tested code.
function locate(stderr: string, program: CodeTestProgram): string {
  const match = stderr.match(/\$deno\$stdin\.mts:(\d+):(\d+)/);
  if (!match) return "";
  const line = Number(match[1]) - program.codeStartLine + 1;
  if (line < 1) return " (in the test harness)";
  if (line > program.codeLineCount) return " (in the hidden tests)";
  return ` (at line ${line}, column ${match[2]} of the code)`;
}
