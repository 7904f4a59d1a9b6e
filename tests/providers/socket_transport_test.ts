import assert from "node:assert/strict";
import { SocketTransport } from "../../lib/providers/socket_transport.ts";
import type { TransportProbe } from "../../lib/providers/http_transport.ts";
import { HttpProtocolError } from "../../lib/providers/http_protocol_error.ts";
import { chunk, type ScriptStep, startScriptedServer } from "./scripted_tcp_server.ts";

const OK_CHUNKED = "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ntransfer-encoding: chunked\r\n\r\n";
const newProbe = (): TransportProbe => ({ sentT: null, headT: null, bodyT: null });
const clock = () => performance.now();

/** Runs `body` against a scripted server and a fresh transport, closing both afterwards. */
async function withServer(
  script: (index: number) => ScriptStep[],
  body: (url: string, transport: SocketTransport, server: ReturnType<typeof startScriptedServer>) => Promise<void>,
): Promise<void> {
  const server = startScriptedServer(script);
  const transport = new SocketTransport(clock);
  try {
    await body(server.url, transport, server);
  } finally {
    transport.close();
    await server.close();
  }
}

Deno.test("SocketTransport writes its own framing headers", async () => {
  await withServer(() => [{ bytes: "HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n{}" }], async (url, transport, server) => {
    const response = await transport.fetch(`${url}/v1/chat/completions?x=1`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer k", "accept-encoding": "gzip", "content-length": "999" },
      body: JSON.stringify({ text: "héllo" }),
    }, newProbe());
    assert.equal(await response.text(), "{}");
    const [request] = server.requests;
    const lines = request.head.split("\r\n");
    assert.equal(lines[0], "POST /v1/chat/completions?x=1 HTTP/1.1");
    assert.ok(lines.includes(`host: ${new URL(url).host}`));
    assert.ok(lines.includes("authorization: Bearer k"));
    assert.ok(lines.includes("accept-encoding: identity"));
    assert.deepEqual(lines.filter((line) => line.startsWith("content-length")), [`content-length: ${request.body.length}`]);
    assert.equal(new TextDecoder().decode(request.body), JSON.stringify({ text: "héllo" }));
  });
});

Deno.test("SocketTransport stamps reads on arrival", async () => {
  const script = (): ScriptStep[] => [{ bytes: OK_CHUNKED }, { bytes: chunk("data: a\n\n") }, { bytes: chunk("data: b\n\n"), delayMs: 60 }, { bytes: "0\r\n\r\n", delayMs: 5 }];
  await withServer(script, async (url, transport) => {
    const probe = newProbe();
    const response = await transport.fetch(url, undefined, probe);
    assert.ok(probe.sentT !== null);
    assert.ok(probe.headT !== null);
    assert.ok(probe.headT >= probe.sentT);
    // The reader starts long after both events arrived.
    await new Promise((resolve) => setTimeout(resolve, 250));
    const reader = response.body!.getReader();
    const stamps: number[] = [];
    const texts: string[] = [];
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      stamps.push(probe.bodyT!);
      texts.push(new TextDecoder().decode(read.value));
    }
    const readAt = performance.now();
    assert.equal(texts.join(""), "data: a\n\ndata: b\n\n");
    assert.equal(stamps.length, 2);
    const gap = stamps[1] - stamps[0];
    assert.ok(gap >= 50, `the second event left 60 ms after the first, but the stamps are ${gap.toFixed(1)} ms apart`);
    assert.ok(gap < 200, `the second event left 60 ms after the first, but the stamps are ${gap.toFixed(1)} ms apart`);
    assert.ok(readAt - stamps[1] > 100, "the stamps were taken on arrival, before the reader asked");
  });
});

Deno.test("SocketTransport reuses a keep-alive connection", async () => {
  await withServer(() => [{ bytes: "HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok" }], async (url, transport, server) => {
    for (let i = 0; i < 3; i++) assert.equal(await (await transport.fetch(url, undefined, newProbe())).text(), "ok");
    assert.equal(server.connections, 1);
    assert.deepEqual(server.requests.map((request) => request.connection), [0, 0, 0]);
  });
});

Deno.test("SocketTransport retries a closed kept connection", async () => {
  // The server replies, then closes each connection without announcing it in the headers.
  const script = (): ScriptStep[] => [{ bytes: "HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok" }, { close: true, delayMs: 5 }];
  await withServer(script, async (url, transport, server) => {
    assert.equal(await (await transport.fetch(url, undefined, newProbe())).text(), "ok");
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(await (await transport.fetch(url, { method: "POST", body: "again" }, newProbe())).text(), "ok");
    assert.equal(server.connections, 2);
    assert.equal(server.requests.length, 2);
  });
});

Deno.test("SocketTransport honours connection close", async () => {
  await withServer(() => [{ bytes: "HTTP/1.1 200 OK\r\nconnection: close\r\ncontent-length: 2\r\n\r\nok" }], async (url, transport, server) => {
    await (await transport.fetch(url, undefined, newProbe())).text();
    await (await transport.fetch(url, undefined, newProbe())).text();
    assert.equal(server.connections, 2);
  });
});

Deno.test("SocketTransport reads close-delimited, 100 and 204", async () => {
  const script = (index: number): ScriptStep[] =>
    index === 0
      ? [{ bytes: "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.0 200 OK\r\n\r\nuntil " }, { bytes: "close", delayMs: 5 }, { close: true }]
      : [{ bytes: "HTTP/1.1 204 No Content\r\n\r\n" }];
  await withServer(script, async (url, transport) => {
    const first = await transport.fetch(url, undefined, newProbe());
    assert.equal(first.status, 200);
    assert.equal(await first.text(), "until close");
    const second = await transport.fetch(url, undefined, newProbe());
    assert.equal(second.status, 204);
    assert.equal(second.body, null);
  });
});

Deno.test("SocketTransport fails a cut chunked body", async () => {
  await withServer(() => [{ bytes: OK_CHUNKED + chunk("data: a\n\n") }, { close: true, delayMs: 10 }], async (url, transport) => {
    const response = await transport.fetch(url, undefined, newProbe());
    await assert.rejects(response.text(), /closed before the response body ended/);
  });
});

Deno.test("SocketTransport fails a non-HTTP response", async () => {
  await withServer(() => [{ bytes: "SSH-2.0-OpenSSH_9.6\r\n\r\n" }], async (url, transport) => {
    await assert.rejects(transport.fetch(url, undefined, newProbe()), /status line "SSH-2.0-OpenSSH_9.6"/);
  });
});

Deno.test("SocketTransport abort mid-body closes the connection", async () => {
  const later = Array.from({ length: 10 }, (): ScriptStep => ({ bytes: chunk("data: later\n\n"), delayMs: 30 }));
  await withServer(() => [{ bytes: OK_CHUNKED + chunk("data: a\n\n") }, ...later], async (url, transport, server) => {
    const controller = new AbortController();
    const response = await transport.fetch(url, { signal: controller.signal }, newProbe());
    const reader = response.body!.getReader();
    assert.equal(new TextDecoder().decode((await reader.read()).value), "data: a\n\n");
    controller.abort(new DOMException("stopped by the test", "AbortError"));
    await assert.rejects(reader.read(), (error: Error) => error.name === "AbortError" && /stopped by the test/.test(error.message));
    // The server's later writes fail once the client has closed its end.
    for (let waited = 0; !server.clientClosed.has(0) && waited < 2_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.ok(server.clientClosed.has(0));
  });
});

Deno.test("SocketTransport abort before head rejects", async () => {
  await withServer(() => [{ bytes: OK_CHUNKED, delayMs: 5_000 }], async (url, transport) => {
    const controller = new AbortController();
    const pending = transport.fetch(url, { signal: controller.signal }, newProbe());
    setTimeout(() => controller.abort(new DOMException("timed out", "AbortError")), 20);
    await assert.rejects(pending, /timed out/);
  });
});

Deno.test("SocketTransport rejects a refused connection", async () => {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  listener.close();
  const transport = new SocketTransport(clock);
  await assert.rejects(transport.fetch(`http://127.0.0.1:${port}/`, undefined, newProbe()), Deno.errors.ConnectionRefused);
  transport.close();
});

Deno.test("SocketTransport speaks HTTP/1.1 over TLS", async () => {
  const fixtures = new URL("./fixtures/tls/", import.meta.url);
  const read = (name: string) => Deno.readTextFileSync(new URL(name, fixtures));
  const listener = Deno.listenTls({ hostname: "127.0.0.1", port: 0, cert: read("server_cert.pem"), key: read("server_key.pem"), alpnProtocols: ["http/1.1"] });
  const server = startScriptedServer(() => [{ bytes: OK_CHUNKED + chunk("secure") + "0\r\n\r\n" }], { listener, tls: true });
  const transport = new SocketTransport(clock, { caCerts: [read("ca_cert.pem")] });
  try {
    assert.ok(server.url.startsWith("https://"));
    assert.equal(await (await transport.fetch(server.url, undefined, newProbe())).text(), "secure");
  } finally {
    transport.close();
    await server.close();
  }
});

Deno.test("SocketTransport rejects other URL schemes", async () => {
  const transport = new SocketTransport(clock);
  await assert.rejects(transport.fetch("ftp://127.0.0.1/file", undefined, newProbe()), /invalid URL scheme ftp: .* http and https requests only/);
});

Deno.test("SocketTransport drops idle connections the server closed", async () => {
  // Each connection is closed by the server 20 ms after its response, as an idle timeout would.
  const script = (): ScriptStep[] => [{ bytes: "HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok" }, { close: true, delayMs: 20 }];
  await withServer(script, async (url, transport, server) => {
    const first = await Promise.all([transport.fetch(url, undefined, newProbe()), transport.fetch(url, undefined, newProbe())]);
    for (const response of first) assert.equal(await response.text(), "ok");
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(await (await transport.fetch(url, undefined, newProbe())).text(), "ok");
    assert.equal(server.connections, 3);
    assert.equal(server.requests.length, 3);
  });
});

Deno.test("SocketTransport ignores a 408 sent while idle", async () => {
  const timeout = "HTTP/1.1 408 Request Timeout\r\nconnection: close\r\ncontent-length: 0\r\n\r\n";
  const script = (index: number): ScriptStep[] =>
    index === 0
      ? [{ bytes: "HTTP/1.1 200 OK\r\ncontent-length: 5\r\n\r\nfirst" }, { bytes: timeout, delayMs: 20 }, { close: true }]
      : [{ bytes: "HTTP/1.1 200 OK\r\ncontent-length: 6\r\n\r\nsecond" }];
  await withServer(script, async (url, transport) => {
    assert.equal(await (await transport.fetch(url, undefined, newProbe())).text(), "first");
    await new Promise((resolve) => setTimeout(resolve, 80));
    const second = await transport.fetch(url, undefined, newProbe());
    assert.equal(second.status, 200);
    assert.equal(await second.text(), "second");
  });
});

Deno.test("SocketTransport returns an early response to a large upload", async () => {
  const tooLarge = "HTTP/1.1 413 Payload Too Large\r\nconnection: close\r\ncontent-length: 8\r\n\r\ntoo big!";
  const server = startScriptedServer(() => [{ bytes: tooLarge }, { close: true }], { replyAfterHead: true });
  const transport = new SocketTransport(clock);
  try {
    const response = await transport.fetch(server.url, { method: "POST", body: new Uint8Array(16 * 1024 * 1024) }, newProbe());
    assert.equal(response.status, 413);
    assert.equal(await response.text(), "too big!");
  } finally {
    transport.close();
    await server.close();
  }
});

Deno.test("SocketTransport abort during upload rejects", async () => {
  // The server reads the head only, so the 64 MiB body stalls in the socket buffers.
  const server = startScriptedServer(() => [{ bytes: OK_CHUNKED, delayMs: 5_000 }], { replyAfterHead: true });
  const transport = new SocketTransport(clock);
  try {
    const controller = new AbortController();
    const pending = transport.fetch(server.url, { method: "POST", body: new Uint8Array(64 * 1024 * 1024), signal: controller.signal }, newProbe());
    setTimeout(() => controller.abort(new DOMException("upload stopped", "AbortError")), 100);
    const started = performance.now();
    await assert.rejects(pending, /upload stopped/);
    assert.ok(performance.now() - started < 1_000, "the abort took effect at once");
  } finally {
    transport.close();
    await server.close();
  }
});

Deno.test("SocketTransport abort drops bytes not yet read", async () => {
  await withServer(() => [{ bytes: OK_CHUNKED + chunk("a") + chunk("b") + "0\r\n\r\n" }], async (url, transport) => {
    const controller = new AbortController();
    const response = await transport.fetch(url, { signal: controller.signal }, newProbe());
    await new Promise((resolve) => setTimeout(resolve, 50));
    controller.abort(new DOMException("stopped", "AbortError"));
    await assert.rejects(response.text(), /stopped/);
  });
});

Deno.test("SocketTransport rejects a status above 599", async () => {
  await withServer(() => [{ bytes: "HTTP/1.1 600 Odd\r\ncontent-length: 0\r\n\r\n" }], async (url, transport) => {
    await assert.rejects(transport.fetch(url, undefined, newProbe()), HttpProtocolError);
  });
});

Deno.test("SocketTransport resends when a kept connection closes unanswered", async () => {
  // The server drops the second request without a byte in reply, as when its idle timeout fires as the request arrives.
  const script = (index: number): ScriptStep[] =>
    index === 1 ? [{ close: true }] : [{ bytes: `HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nr${index}` }];
  await withServer(script, async (url, transport, server) => {
    assert.equal(await (await transport.fetch(url, undefined, newProbe())).text(), "r0");
    assert.equal(await (await transport.fetch(url, { method: "POST", body: "x" }, newProbe())).text(), "r2");
    assert.deepEqual(server.requests.map((request) => request.connection), [0, 0, 1]);
  });
});
