import assert from "node:assert/strict";
import type { ProviderErrorInfo, ProviderName, StreamEvent } from "../../lib/providers/types.ts";
import { classifyError } from "../../lib/providers/classify_error.ts";
import { createAdapter } from "../../lib/providers/create_adapter.ts";
import { adapterFor, collectEvents, helloRequest } from "./harness.ts";
import { readErrorFixture, type ReplayResponse, startReplayServer } from "./replay_server.ts";
import { startScriptedServer } from "./scripted_tcp_server.ts";

const MODELS: Record<ProviderName, string> = {
  openai: "gpt-4o",
  anthropic: "claude-sonnet-4-5",
  google: "gemini-2.5-flash",
  "openai-compatible": "llama3.1",
};

/** Send one request to a server that replays `reply` and return the final error. */
async function errorFrom(provider: ProviderName, reply: ReplayResponse): Promise<ProviderErrorInfo> {
  const server = startReplayServer(reply);
  try {
    const events = await collectEvents(adapterFor(provider, server).stream(helloRequest(MODELS[provider])));
    const last = events.at(-1);
    assert.equal(last?.type, "error", `expected a final error event, got ${JSON.stringify(events)}`);
    return (last as Extract<StreamEvent, { type: "error" }>).error;
  } finally {
    await server.close();
  }
}

const CASES: {
  fixture: string;
  provider: ProviderName;
  expected: Partial<ProviderErrorInfo>;
}[] = [
  {
    fixture: "openai_429_rate_limit.json",
    provider: "openai",
    expected: { class: "rate_limited", httpStatus: 429, providerCode: "rate_limit_exceeded", retryAfterSeconds: 3, requestId: "req_bench429" },
  },
  {
    fixture: "openai_400_context_length.json",
    provider: "openai",
    expected: { class: "context_length_exceeded", httpStatus: 400, providerCode: "context_length_exceeded", retryAfterSeconds: null, requestId: "req_bench400" },
  },
  {
    fixture: "anthropic_529_overloaded.json",
    provider: "anthropic",
    expected: { class: "overloaded", httpStatus: 529, providerCode: "overloaded_error", requestId: "req_bench529", message: "Overloaded" },
  },
  {
    fixture: "anthropic_400_prompt_too_long.json",
    provider: "anthropic",
    expected: { class: "context_length_exceeded", httpStatus: 400, providerCode: "invalid_request_error", requestId: "req_bench400a" },
  },
  {
    fixture: "gemini_400_input_too_long.json",
    provider: "google",
    expected: { class: "context_length_exceeded", httpStatus: 400, providerCode: "INVALID_ARGUMENT" },
  },
  {
    fixture: "gemini_429_resource_exhausted.json",
    provider: "google",
    expected: { class: "rate_limited", httpStatus: 429, providerCode: "RESOURCE_EXHAUSTED", retryAfterSeconds: 23 },
  },
  {
    fixture: "gemini_400_api_key_invalid.json",
    provider: "google",
    expected: { class: "auth", httpStatus: 400, providerCode: "API_KEY_INVALID" },
  },
];

for (const { fixture, provider, expected } of CASES) {
  Deno.test(`classify ${fixture.replace(".json", "")}`, async () => {
    const error = await errorFrom(provider, readErrorFixture(fixture));
    for (const [field, value] of Object.entries(expected)) {
      assert.equal(error[field as keyof ProviderErrorInfo], value, `${field} of ${fixture}`);
    }
  });
}

Deno.test("classify status codes without body", async () => {
  const table: [number, ProviderErrorInfo["class"]][] = [[401, "auth"], [403, "auth"], [404, "not_found"], [400, "bad_request"], [500, "server"], [503, "server"]];
  for (const [status, expected] of table) {
    const error = await errorFrom("openai", { status, headers: { "content-type": "text/plain" }, body: [] });
    assert.equal(error.class, expected, `class of HTTP ${status}`);
    assert.equal(error.httpStatus, status, `status of HTTP ${status}`);
  }
});

Deno.test("classify retry-after-ms wins over retry-after", async () => {
  const reply = readErrorFixture("openai_429_rate_limit.json");
  reply.headers = { ...reply.headers, "retry-after-ms": "1500" };
  const error = await errorFrom("openai", reply);
  assert.equal(error.retryAfterSeconds, 1.5);
});

Deno.test("classify retry-after http date", () => {
  const now = Date.parse("2026-01-01T00:00:00Z");
  const headers = new Headers({ "retry-after": "Thu, 01 Jan 2026 00:00:30 GMT" });
  // The headers come from the context when the error carries none, as with Gemini errors.
  const info = classifyError(new Error("rate limited"), { headers, now });
  assert.equal(info.retryAfterSeconds, 30);
});

Deno.test("classify connection refused as network", async () => {
  // Take a free port, then close the listener so nothing accepts on it.
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  listener.close();

  for (const provider of ["openai", "anthropic", "google"] as const) {
    const baseURL = provider === "openai" ? `http://127.0.0.1:${port}/v1` : `http://127.0.0.1:${port}`;
    const adapter = createAdapter(provider, { kind: "emulated", baseURL, apiKey: "emulator" });
    const events = await collectEvents(adapter.stream(helloRequest(MODELS[provider])));

    assert.equal(events.length, 1, `${provider} events: ${JSON.stringify(events)}`);
    const only = events[0];
    assert.equal(only.type === "error" && only.error.class, "network", `${provider}: ${JSON.stringify(only)}`);
  }
});

Deno.test("classify malformed response as network", async () => {
  const cases = [
    { name: "bad status line", steps: [{ bytes: "HTCPCP/1.0 418 Teapot\r\n\r\n" }, { close: true as const }] },
    { name: "bad chunk size", steps: [{ bytes: "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ntransfer-encoding: chunked\r\n\r\nzz\r\n" }] },
  ];
  for (const { name, steps } of cases) {
    const server = startScriptedServer(() => steps);
    try {
      for (const provider of ["openai", "anthropic", "google"] as const) {
        const baseURL = provider === "openai" ? `${server.url}/v1` : server.url;
        const adapter = createAdapter(provider, { kind: "emulated", baseURL, apiKey: "emulator" });
        const events = await collectEvents(adapter.stream(helloRequest(MODELS[provider])));
        adapter.close();
        const last = events.at(-1)!;
        assert.equal(last.type === "error" && last.error.class, "network", `${name}, ${provider}: ${JSON.stringify(last)}`);
      }
    } finally {
      await server.close();
    }
  }
});

Deno.test("classify invalid request before sending", async () => {
  const server = startReplayServer({ body: [] });
  try {
    const events = await collectEvents(adapterFor("openai", server).stream(helloRequest("gpt-4o", { maxOutputTokens: 0 })));

    assert.equal(server.requests.length, 0);
    assert.equal(events.length, 1);
    const only = events[0];
    assert.equal(only.type === "error" && only.error.class, "bad_request");
    assert.match(only.type === "error" ? only.error.message : "", /maxOutputTokens/);
  } finally {
    await server.close();
  }
});

Deno.test("classify aborted signal as cancelled", () => {
  const controller = new AbortController();
  controller.abort(new Error("trial timed out after 30 s"));
  const info = classifyError(new TypeError("error reading a body from connection"), { signal: controller.signal });
  assert.equal(info.class, "cancelled");
  assert.match(info.message, /trial timed out after 30 s/);
});

const SECRET_KEYS: Record<"openai" | "anthropic" | "google" | "openai-compatible", string> = {
  openai: "sk-test-SECRET123",
  anthropic: "sk-ant-test-SECRET456",
  google: "AIzaTestSECRET789abcdef",
  "openai-compatible": "local-SECRET000",
};

/** Echo back whatever key the SDK sent, the way a real 401 body quotes a bad key. */
function echoKeyReply(provider: ProviderName) {
  return (request: { headers: Headers }): ReplayResponse => {
    const sent = request.headers.get("x-goog-api-key") ?? request.headers.get("authorization")?.replace(/^Bearer /, "") ?? "";
    const message = `Incorrect API key provided: ${sent}. Check the key.`;
    const body = provider === "anthropic"
      ? { type: "error", error: { type: "authentication_error", message } }
      : provider === "google"
      ? { error: { code: 401, message, status: "UNAUTHENTICATED" } }
      : { error: { message, type: "invalid_request_error", param: null, code: "invalid_api_key" } };
    return {
      status: 401,
      headers: { "content-type": "application/json" },
      body: [{ bytes: new TextEncoder().encode(JSON.stringify(body)), delayMs: 0 }],
    };
  };
}

for (const provider of ["openai", "anthropic", "google", "openai-compatible"] as const) {
  Deno.test(`classify redacts ${provider} api key`, async () => {
    const server = startReplayServer(echoKeyReply(provider));
    try {
      const baseURL = provider.startsWith("openai") ? `${server.url}/v1` : server.url;
      const adapter = createAdapter(provider, { kind: "real", baseURL, apiKey: SECRET_KEYS[provider] });
      const events = await collectEvents(adapter.stream(helloRequest(MODELS[provider])));

      const last = events.at(-1);
      assert.equal(last?.type === "error" && last.error.class, "auth");
      assert.match(last?.type === "error" ? last.error.message : "", /Incorrect API key provided: \[REDACTED\]/);
      assert.ok(!JSON.stringify(events).includes("SECRET"), `key leaked: ${JSON.stringify(events)}`);
    } finally {
      await server.close();
    }
  });
}
