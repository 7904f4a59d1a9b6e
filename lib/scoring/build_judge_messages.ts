import type { DatasetItem } from "../datasets/schema.ts";
import type { Message } from "../providers/types.ts";

const JUDGE_SYSTEM = [
  "You grade answers that a language model gave to a task, for a benchmark.",
  "Apply the rubric strictly. Judge only the candidate answer; the reference answer shows one correct answer.",
  "Rate the candidate from 1 (wrong or unusable) to 5 (fully correct and complete).",
  'Reply with one JSON object and nothing else: {"score": <integer 1-5>, "reason": "<one sentence>"}.',
].join("\n");

/**
 * Build the messages sent to the judge: a fixed grading instruction, then the task (the
 * item's user text, images named but not sent), the reference answer, the rubric and
 * the candidate output.
 */
export function buildJudgeMessages(item: DatasetItem, output: string, rubric: string): Message[] {
  if (typeof output !== "string") throw new TypeError(`output must be a string, got ${typeof output}`);
  if (typeof rubric !== "string" || rubric.trim() === "") throw new RangeError("rubric must be a non-empty string");
  const task = item.messages
    .filter((message) => message.role === "user")
    .map((message) =>
      typeof message.content === "string"
        ? message.content
        : message.content.map((part) => (part.type === "text" ? part.text : "[image]")).join("\n")
    )
    .join("\n\n");
  const user = [
    "## Task",
    task,
    "## Reference answer",
    item.reference,
    "## Rubric",
    rubric,
    "## Candidate answer",
    output,
  ].join("\n\n");
  return [{ role: "system", content: JUDGE_SYSTEM }, { role: "user", content: user }];
}
