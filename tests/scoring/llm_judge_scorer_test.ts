import assert from "node:assert/strict";
import { join } from "node:path";
import type { DatasetItem } from "../../lib/datasets/schema.ts";
import { startEmulator } from "../../lib/emulator/start_emulator.ts";
import type { PriceTableRow } from "../../lib/pricing/price_table_row.ts";
import { buildJudgeMessages } from "../../lib/scoring/build_judge_messages.ts";
import { JudgeError } from "../../lib/scoring/llm_judge_scorer.ts";
import { parseJudgeReply } from "../../lib/scoring/parse_judge_reply.ts";
import { scoreItem } from "../../lib/scoring/score_item.ts";
import { TEST_PROFILES } from "../emulator/emulator_fixture.ts";

const RUBRIC = "The answer names the HTTP status code for rate limiting.";
const ITEM: DatasetItem = {
  id: "judge-qa",
  kind: "qa",
  messages: [{ role: "system", content: "Answer briefly." }, { role: "user", content: "Which status code means Too Many Requests?" }],
  reference: "429",
  scorer: { name: "llm-judge", rubric: RUBRIC },
  tags: [],
};
const PRICES: PriceTableRow[] = [{
  provider: "openai",
  model: "gpt-4o",
  input_per_mtok: 2.5,
  cached_input_per_mtok: null,
  cache_write_per_mtok: null,
  output_per_mtok: 10,
  context_window: 128000,
  max_output: 16384,
  source: "test",
  as_of: "2026-01-01",
}];

/** Starts an emulator whose only known prompts are the judge prompts for the given outputs and replies. */
async function withJudge(replies: Array<[string, string]>, run: (url: string) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir();
  await Deno.mkdir(join(dir, "datasets"));
  const lines = replies.map(([output, reply], index) =>
    JSON.stringify({
      id: `judge-${index}`,
      kind: "qa",
      messages: buildJudgeMessages(ITEM, output, RUBRIC),
      reference: reply,
      scorer: { name: "exact", expected: reply },
    })
  );
  await Deno.writeTextFile(join(dir, "datasets", "judge.jsonl"), lines.join("\n") + "\n");
  await Deno.writeTextFile(join(dir, "profiles.json"), JSON.stringify(TEST_PROFILES));
  const emulator = await startEmulator({ datasetsDir: join(dir, "datasets"), profilesPath: join(dir, "profiles.json") });
  try {
    await run(emulator.url);
  } finally {
    await emulator.close();
    await Deno.remove(dir, { recursive: true });
  }
}

const judgeOptions = (url: string) => ({ model: "openai:gpt-4o", emulatorUrl: url, mode: "emulator" as const, priceRows: PRICES });

Deno.test("llm-judge scorer passes a good rating", async () => {
  await withJudge([["HTTP 429.", '{"score": 5, "reason": "Names 429."}']], async (url) => {
    const grade = await scoreItem(ITEM, "HTTP 429.", { judge: judgeOptions(url) });
    assert.equal(grade.pass, true, grade.reason);
    assert.equal(grade.score, 1);
    assert.match(grade.reason, /^judge openai:gpt-4o rated 5\/5 \(pass >= 4\): Names 429\.; judge used \d+ input \+ \d+ output tokens, \$0\.0\d+$/);
  });
});

Deno.test("llm-judge scorer records judge usage and cost", async () => {
  await withJudge([["HTTP 429.", '{"score": 5, "reason": "Names 429."}']], async (url) => {
    const grade = await scoreItem(ITEM, "HTTP 429.", { judge: judgeOptions(url) });
    const judge = grade.judge!;
    assert.equal(judge.model, "openai:gpt-4o");
    assert.equal(judge.endpoint_kind, "emulated");
    assert.equal(judge.rating, 5);
    assert.ok(judge.input_tokens! > 50, `input ${judge.input_tokens}`);
    assert.ok(judge.output_tokens! > 5, `output ${judge.output_tokens}`);
    const expected = (judge.input_tokens! * 2.5 + judge.output_tokens! * 10) / 1e6;
    assert.ok(Math.abs(judge.cost_usd! - expected) < 1e-12, `${judge.cost_usd} vs ${expected}`);
  });
});

Deno.test("llm-judge scorer fails a low rating", async () => {
  await withJudge([["503", '{"score": 1, "reason": "Wrong code."}']], async (url) => {
    const grade = await scoreItem(ITEM, "503", { judge: judgeOptions(url) });
    assert.equal(grade.pass, false);
    assert.equal(grade.score, 0);
    assert.equal(grade.judge?.rating, 1);
  });
});

Deno.test("llm-judge scorer unreadable reply fails", async () => {
  await withJudge([["429", "Looks fine to me."]], async (url) => {
    const grade = await scoreItem(ITEM, "429", { judge: judgeOptions(url) });
    assert.equal(grade.pass, false);
    assert.equal(grade.judge?.rating, null);
    assert.match(grade.reason, /^judge reply has no score/);
  });
});

Deno.test("llm-judge scorer without judge throws", async () => {
  const error = await scoreItem(ITEM, "429").then(() => null, (caught) => caught);
  assert.ok(error instanceof JudgeError);
  assert.equal(error.errorClass, "configuration");
  assert.match(error.message, /set scorer.judge in the item or pass options.judge.model/);
});

Deno.test("llm-judge scorer judge failure throws", async () => {
  // The emulator serves claude models only on the Anthropic path, so this request is rejected.
  await withJudge([], async (url) => {
    const options = { ...judgeOptions(url), model: "openai:claude-sonnet-4-5" };
    const error = await scoreItem(ITEM, "429", { judge: options }).then(() => null, (caught) => caught);
    assert.ok(error instanceof JudgeError, `got ${error}`);
    assert.equal(error.errorClass, "not_found");
  });
});

Deno.test("parseJudgeReply reads fenced JSON", () => {
  assert.deepEqual(parseJudgeReply('```json\n{"score": 3, "reason": "partly"}\n```'), { ok: true, rating: 3, reason: "partly" });
});

Deno.test("parseJudgeReply reads score line", () => {
  const reply = parseJudgeReply("Score: 4\nMostly right.");
  assert.equal(reply.ok && reply.rating, 4);
});

Deno.test("parseJudgeReply rejects out of range", () => {
  assert.deepEqual(parseJudgeReply('{"score": 7}'), { ok: false, reason: "judge score must be an integer from 1 to 5, got 7" });
});
