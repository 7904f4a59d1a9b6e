import { join } from "node:path";
import type { DatasetItem } from "../../lib/datasets/schema.ts";
import { type RequestLogEntry, type RunningEmulator, startEmulator } from "../../lib/emulator/start_emulator.ts";

/** A 1×1 red PNG, enough to exercise image parts in every SDK shape. */
export const PIXEL_PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC";

const fast = {
  ttft_ms: 15,
  ttft_ms_per_1k_input_tokens: 0,
  output_tokens_per_s: 4000,
  jitter: 0.1,
  thinking: 0,
  accuracy: { default: 1 },
  supports_images: true,
  context_window: 5000,
  max_output_tokens: 4096,
};

/** Test profiles: fast timings so the suite stays short, plus a few special-purpose models. */
export const TEST_PROFILES = {
  _note: "Profiles for the emulator tests only.",
  "gpt-4o": { ...fast, provider: "openai", model_version: "gpt-4o-2024-08-06" },
  "claude-sonnet-4-5": { ...fast, provider: "anthropic", model_version: "claude-sonnet-4-5-20250929", thinking: 60 },
  "gemini-2.5-flash": { ...fast, provider: "google", model_version: "gemini-2.5-flash", thinking: 30 },
  "coin-model": { ...fast, provider: "openai-compatible", model_version: null, ttft_ms: 1, accuracy: { default: 0.7 } },
  "slow-prefill": {
    ...fast,
    provider: "openai-compatible",
    model_version: null,
    context_window: 50000,
    ttft_ms: 20,
    ttft_ms_per_1k_input_tokens: 100,
    jitter: 0,
  },
  "steady": { ...fast, provider: "openai-compatible", model_version: null, ttft_ms: 200, output_tokens_per_s: 100 },
  default: { ...fast, provider: "openai-compatible", model_version: null, accuracy: { default: 0.5 }, supports_images: false },
};

/** Dataset items of every kind. `img-1` has a system message and an image. */
export const TEST_ITEMS: DatasetItem[] = [
  {
    id: "json-1",
    kind: "json-extraction",
    messages: [
      { role: "system", content: "Extract the invoice fields as JSON." },
      { role: "user", content: "Invoice 42 from Acme Ltd, total 99.50 USD." },
    ],
    reference: '{"invoice": 42, "vendor": "Acme Ltd", "total": 99.5}',
    scorer: { name: "json-fields" },
    tags: [],
  },
  {
    id: "code-1",
    kind: "code",
    messages: [{ role: "user", content: "Write a Python function sum_to(n) returning 1 + 2 + ... + n." }],
    reference: "def sum_to(n):\n    return sum(range(n + 1))",
    scorer: { name: "unit-tests" },
    tags: [],
  },
  {
    id: "sql-1",
    kind: "sql",
    messages: [{ role: "user", content: "List adult user names from users(name, age), sorted by name." }],
    reference: "SELECT name FROM users WHERE age >= 18 ORDER BY name;",
    scorer: { name: "sql-result" },
    tags: [],
  },
  {
    id: "sum-1",
    kind: "summarization",
    messages: [{ role: "user", content: "Summarise: Revenue rose 12% to $4.2M in Q3 while costs stayed flat." }],
    reference: "Revenue grew 12% to $4.2M in Q3. Costs were flat.",
    scorer: { name: "key-facts" },
    tags: [],
  },
  {
    id: "qa-1",
    kind: "qa",
    messages: [{ role: "user", content: "What is the capital of France?" }],
    reference: "Paris",
    distractor: "Lyon",
    scorer: { name: "exact" },
    tags: [],
  },
  {
    id: "img-1",
    kind: "qa",
    messages: [
      { role: "system", content: "Answer with one word." },
      {
        role: "user",
        content: [
          { type: "text", text: "What colour is this pixel?" },
          { type: "image", media_type: "image/png", data: PIXEL_PNG },
        ],
      },
    ],
    reference: "Red",
    scorer: { name: "exact" },
    tags: [],
  },
];

/** A started emulator over temporary test profiles and datasets, removed by `close`. */
export interface TestEmulator extends RunningEmulator {
  dir: string;
}

/** Starts an emulator on a random port with the test profiles and items. */
export async function startTestEmulator(
  options: { seed?: number; onRequest?: (entry: RequestLogEntry) => void } = {},
): Promise<TestEmulator> {
  const dir = await Deno.makeTempDir({ prefix: "emulator_test_" });
  const datasetsDir = join(dir, "datasets");
  await Deno.mkdir(datasetsDir);
  await Deno.writeTextFile(join(datasetsDir, "mixed.jsonl"), TEST_ITEMS.map((i) => JSON.stringify(i)).join("\n") + "\n");
  const profilesPath = join(dir, "profiles.json");
  await Deno.writeTextFile(profilesPath, JSON.stringify(TEST_PROFILES, null, 2));

  const emulator = await startEmulator({
    port: 0,
    seed: options.seed ?? 1,
    profilesPath,
    datasetsDir,
    onRequest: options.onRequest,
  });
  let closed: Promise<void> | null = null;
  // Inherit from the emulator object instead of spreading it, so getters stay live.
  return Object.assign(Object.create(emulator), {
    dir,
    close() {
      closed ??= emulator.close().then(() => Deno.remove(dir, { recursive: true }));
      return closed;
    },
  }) as TestEmulator;
}

/** Splits a raw server-sent-events body into its `data:` payloads. */
export function ssePayloads(body: string): string[] {
  return body
    .split(/\r?\n\r?\n/)
    .flatMap((event) => event.split(/\r?\n/).filter((line) => line.startsWith("data: ")))
    .map((line) => line.slice("data: ".length));
}

/** Sends a POST with a JSON body to the emulator and returns the raw response. */
export function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

type ItemMessage = DatasetItem["messages"][number];

/** Converts dataset messages to OpenAI Chat Completions messages (images as data URLs). */
export function toOpenAiMessages(messages: readonly ItemMessage[]) {
  return messages.map((message) => ({
    role: message.role,
    content: typeof message.content === "string" ? message.content : message.content.map((part) =>
      part.type === "text"
        ? { type: "text" as const, text: part.text }
        : { type: "image_url" as const, image_url: { url: `data:${part.media_type};base64,${part.data}` } }
    ),
  })) as Array<{ role: "system" | "user" | "assistant"; content: never }>;
}

/** Converts dataset messages to an Anthropic `system` string and content-block messages. */
export function toAnthropicPrompt(messages: readonly ItemMessage[]) {
  const system = messages.filter((m) => m.role === "system").map((m) => m.content as string).join("\n\n");
  const rest = messages.filter((m) => m.role !== "system").map((message) => ({
    role: message.role as "user" | "assistant",
    content: typeof message.content === "string" ? message.content : message.content.map((part) =>
      part.type === "text"
        ? { type: "text" as const, text: part.text }
        : {
          type: "image" as const,
          source: { type: "base64" as const, media_type: part.media_type, data: part.data },
        }
    ),
  }));
  return { system: system || undefined, messages: rest };
}

/** Converts dataset messages to Gemini `systemInstruction` text and `contents`. */
export function toGeminiPrompt(messages: readonly ItemMessage[]) {
  const systemInstruction = messages.filter((m) => m.role === "system").map((m) => m.content as string).join("\n");
  const contents = messages.filter((m) => m.role !== "system").map((message) => ({
    role: message.role === "assistant" ? "model" : "user",
    parts: typeof message.content === "string" ? [{ text: message.content }] : message.content.map((part) =>
      part.type === "text" ? { text: part.text } : { inlineData: { mimeType: part.media_type, data: part.data } }
    ),
  }));
  return { systemInstruction: systemInstruction || undefined, contents };
}
