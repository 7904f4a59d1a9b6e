import assert from "node:assert/strict";
import { join } from "node:path";
import { runSandboxed } from "../../lib/scoring/run_sandboxed.ts";

const LIMITS = { timeoutMs: 2_000, memoryMb: 64 };

Deno.test("runSandboxed runs plain code", async () => {
  const result = await runSandboxed("const total: number = [1, 2, 3].reduce((a, b) => a + b, 0);\nconsole.log(total);");
  assert.equal(result.ok, true);
  assert.equal(result.exitCode, 0);
  assert.equal(result.stdout, "6\n");
  assert.equal(result.reason, null);
});

Deno.test("runSandboxed denies file read", async () => {
  const dir = await Deno.makeTempDir();
  const secret = join(dir, "secret.txt");
  await Deno.writeTextFile(secret, "file-canary-4821");
  try {
    const result = await runSandboxed(`console.log(Deno.readTextFileSync(${JSON.stringify(secret)}));`, LIMITS);
    assert.equal(result.ok, false);
    assert.match(result.reason ?? "", /^permission denied: Requires read access/);
    assert.doesNotMatch(result.stdout, /file-canary-4821/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("runSandboxed denies node:fs read", async () => {
  const result = await runSandboxed(
    `import { readFileSync } from "node:fs";\nconsole.log(readFileSync("/etc/hostname", "utf8"));`,
    LIMITS,
  );
  assert.equal(result.ok, false);
  assert.match(result.reason ?? "", /^permission denied: Requires read access/);
});

Deno.test("runSandboxed denies local module import", async () => {
  const dir = await Deno.makeTempDir();
  const secret = join(dir, "secret.json");
  await Deno.writeTextFile(secret, '{"token": "import-canary-7730"}');
  try {
    const source = `const data = await import(${JSON.stringify(secret)}, { with: { type: "json" } });\n` +
      "console.log(JSON.stringify(data));";
    const result = await runSandboxed(source, LIMITS);
    assert.equal(result.ok, false);
    assert.match(result.reason ?? "", /importing a local file is not allowed/);
    assert.doesNotMatch(result.stdout, /import-canary-7730/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("runSandboxed denies file write", async () => {
  const dir = await Deno.makeTempDir();
  const target = join(dir, "written.txt");
  try {
    const result = await runSandboxed(`Deno.writeTextFileSync(${JSON.stringify(target)}, "x");`, LIMITS);
    assert.equal(result.ok, false);
    assert.match(result.reason ?? "", /^permission denied: Requires write access/);
    await assert.rejects(Deno.stat(target), Deno.errors.NotFound);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("runSandboxed denies socket to loopback", async () => {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const accepted = listener.accept().then((connection) => {
    connection.close();
    return true;
  }, () => false);
  try {
    const { port } = listener.addr as Deno.NetAddr;
    const result = await runSandboxed(`const c = await Deno.connect({ hostname: "127.0.0.1", port: ${port} });`, LIMITS);
    assert.equal(result.ok, false);
    assert.match(result.reason ?? "", /^permission denied: Requires net access to "127\.0\.0\.1:\d+"/);
  } finally {
    listener.close();
  }
  assert.equal(await accepted, false);
});

Deno.test("runSandboxed denies fetch and remote import", async () => {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  let connections = 0;
  const accepting = (async () => {
    for await (const connection of listener) {
      connections += 1;
      connection.close();
    }
  })();
  try {
    const { port } = listener.addr as Deno.NetAddr;
    const fetched = await runSandboxed(`await fetch("http://127.0.0.1:${port}/");`, LIMITS);
    assert.equal(fetched.ok, false);
    assert.match(fetched.reason ?? "", /^permission denied: Requires net access/);

    const imported = await runSandboxed(`await import("http://127.0.0.1:${port}/module.ts");`, LIMITS);
    assert.equal(imported.ok, false);
    assert.notEqual(imported.reason, null);
  } finally {
    listener.close();
    await accepting.catch(() => {});
  }
  assert.equal(connections, 0);
});

Deno.test("runSandboxed hides environment variables", async () => {
  Deno.env.set("SANDBOX_CANARY", "env-canary-1193");
  try {
    const read = await runSandboxed(`console.log(Deno.env.get("SANDBOX_CANARY"));`, LIMITS);
    assert.equal(read.ok, false);
    assert.match(read.reason ?? "", /^permission denied: Requires env access to "SANDBOX_CANARY"/);

    const viaProcess = await runSandboxed(
      `console.log(JSON.stringify({ value: process.env.SANDBOX_CANARY ?? null, keys: Object.keys(process.env) }));`,
      LIMITS,
    );
    assert.doesNotMatch(viaProcess.stdout, /env-canary-1193/);
    assert.doesNotMatch(viaProcess.stdout, /SANDBOX_CANARY/);
  } finally {
    Deno.env.delete("SANDBOX_CANARY");
  }
});

Deno.test("runSandboxed denies spawning a process", async () => {
  const result = await runSandboxed(
    `const out = new Deno.Command("/bin/sh", { args: ["-c", "echo spawned"] }).outputSync();\nconsole.log(out.code);`,
    LIMITS,
  );
  assert.equal(result.ok, false);
  assert.match(result.reason ?? "", /^permission denied: Requires run access to "\/bin\/sh"/);
  assert.doesNotMatch(result.stdout, /spawned/);
});

Deno.test("runSandboxed kills an endless loop", async () => {
  const result = await runSandboxed("while (true) {}", { timeoutMs: 1_000 });
  assert.equal(result.ok, false);
  assert.equal(result.timedOut, true);
  assert.equal(result.signal, "SIGKILL");
  assert.equal(result.reason, "timed out after 1000 ms and was killed");
  assert.ok(result.durationMs < 5_000, `took ${result.durationMs} ms`);
});

Deno.test("runSandboxed stops heap growth", async () => {
  const result = await runSandboxed("const kept = [];\nwhile (true) kept.push({ n: Math.random() });", {
    timeoutMs: 20_000,
    memoryMb: 64,
  });
  assert.equal(result.ok, false);
  assert.equal(result.timedOut, false);
  assert.match(result.reason ?? "", /out of memory: the 64 MB V8 heap limit|memory limit exceeded/);
});

Deno.test("runSandboxed stops ArrayBuffer growth", async () => {
  const result = await runSandboxed(
    "const kept = [];\nwhile (true) kept.push(new Uint8Array(32 * 1024 * 1024).fill(1));",
    { timeoutMs: 20_000, memoryMb: 64, maxRssMb: 256 },
  );
  assert.equal(result.ok, false);
  assert.equal(result.memoryExceeded, true);
  assert.match(result.reason ?? "", /^memory limit exceeded: resident set reached \d+ MB, limit 256 MB/);
});

Deno.test("runSandboxed truncates output", async () => {
  const result = await runSandboxed(`for (let i = 0; i < 2000; i++) console.log("x".repeat(100));`, {
    maxOutputBytes: 1_000,
  });
  assert.equal(result.ok, true);
  assert.equal(result.truncated, true);
  assert.equal(result.stdout.length, 1_000);
});

Deno.test("runSandboxed continues after failures", async () => {
  const attacks = ["Deno.readTextFileSync('/etc/passwd')", "while (true) {}", "Deno.env.toObject()"];
  for (const source of attacks) {
    const result = await runSandboxed(source, { timeoutMs: 1_000 });
    assert.equal(result.ok, false, source);
    assert.notEqual(result.reason, null, source);
  }
  const after = await runSandboxed("console.log('still running')");
  assert.equal(after.stdout, "still running\n");
});

Deno.test("runSandboxed reports uncaught error", async () => {
  const result = await runSandboxed("throw new TypeError('bad input');", LIMITS);
  assert.equal(result.ok, false);
  assert.equal(result.exitCode, 1);
  assert.match(result.reason ?? "", /^exited with code 1: error: Uncaught (\(in promise\) )?TypeError: bad input/);
});

Deno.test("runSandboxed rejects bad limits", async () => {
  await assert.rejects(runSandboxed("1", { timeoutMs: 0 }), RangeError);
  await assert.rejects(runSandboxed("1", { memoryMb: 1.5 }), RangeError);
});

Deno.test("runSandboxed honours abort signal", async () => {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 200);
  const result = await runSandboxed("while (true) {}", { timeoutMs: 10_000, signal: controller.signal });
  assert.equal(result.ok, false);
  assert.equal(result.reason, "cancelled: the caller aborted the run");
  assert.ok(result.durationMs < 5_000);
});

Deno.test("runSandboxed with aborted signal", async () => {
  const result = await runSandboxed("while (true) {}", { timeoutMs: 10_000, signal: AbortSignal.abort() });
  assert.equal(result.ok, false);
  assert.equal(result.reason, "cancelled: the caller aborted the run");
});
