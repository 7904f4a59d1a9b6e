import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

function spawnScript(args: string[]): Deno.ChildProcess {
  return new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "scripts/emulator.ts", ...args],
    cwd: repoRoot,
    stdout: "piped",
    stderr: "piped",
  }).spawn();
}

/** Reads stdout until the emulator URL appears, and returns it with all text read so far. */
async function readUrl(stdout: ReadableStream<Uint8Array>): Promise<{ url: string; text: string }> {
  let text = "";
  for await (const piece of stdout.pipeThrough(new TextDecoderStream())) {
    text += piece;
    const match = text.match(/http:\/\/127\.0\.0\.1:\d+/);
    if (match && text.includes("curl")) return { url: match[0], text };
  }
  throw new Error(`the emulator script exited without printing its URL; output: ${text}`);
}

Deno.test("script serves requests and stops on SIGTERM", async () => {
  const datasetsDir = await Deno.makeTempDir({ prefix: "emulator_script_test_" });
  const child = spawnScript(["--port", "0", "--seed", "4", "--datasets", datasetsDir]);
  try {
    const { url, text } = await readUrl(child.stdout);
    const response = await fetch(`${url}/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: "Bearer test-key", "content-type": "application/json" },
      body: JSON.stringify({ model: "gpt-4o-mini", messages: [{ role: "user", content: "Hi" }], max_tokens: 3 }),
    });
    const completion = await response.json();
    child.kill("SIGTERM");
    const status = await child.status;
    const stderr = await new Response(child.stderr).text();

    assert.equal(response.status, 200);
    assert.equal(completion.usage.completion_tokens, 3);
    assert.ok(text.includes(`baseURL: "${url}/v1"`));
    assert.ok(text.includes(`baseUrl: "${url}"`));
    assert.equal(status.code, 0);
    assert.match(stderr, /POST \/v1\/chat\/completions gpt-4o-mini \[req_\w+\] -> 200/);
    assert.ok(!stderr.includes("test-key"));
  } finally {
    try {
      child.kill("SIGKILL");
    } catch {
      // Already exited.
    }
    await Deno.remove(datasetsDir, { recursive: true });
  }
});

Deno.test("script rejects an unknown option", async () => {
  const output = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "scripts/emulator.ts", "--colour", "blue"],
    cwd: repoRoot,
  }).output();

  assert.equal(output.code, 2);
  assert.match(new TextDecoder().decode(output.stderr), /Unknown option '--colour'[\s\S]*Usage:/);
});
