import assert from "node:assert/strict";
import { readSocketResponse, StaleConnectionError } from "../../lib/providers/socket_response.ts";
import type { TransportProbe } from "../../lib/providers/http_transport.ts";

const encoder = new TextEncoder();

/** A connection whose reads return the scripted pieces in order: bytes, an end (null) or a thrown error. */
function scriptedConn(reads: (string | null | Error)[]): Deno.Conn {
  return {
    read(buffer: Uint8Array): Promise<number | null> {
      const next = reads.shift();
      if (next === undefined || next === null) return Promise.resolve(null);
      if (next instanceof Error) return Promise.reject(next);
      const bytes = encoder.encode(next);
      buffer.set(bytes);
      return Promise.resolve(bytes.length);
    },
    close() {},
  } as unknown as Deno.Conn;
}

function read(conn: Deno.Conn) {
  const probe: TransportProbe = { sentT: 0, headT: null, bodyT: null };
  let reusable: boolean | null = null;
  const response = readSocketResponse({
    conn,
    method: "POST",
    url: new URL("http://127.0.0.1:9/v1/chat/completions"),
    clock: () => performance.now(),
    probe,
    signal: new AbortController().signal,
    onDone: (value) => (reusable = value),
  });
  return { response, probe, reusable: () => reusable };
}

Deno.test("readSocketResponse: close before any byte is stale", async () => {
  await assert.rejects(read(scriptedConn([null])).response, StaleConnectionError);
});

Deno.test("readSocketResponse: reset before any byte is stale", async () => {
  await assert.rejects(read(scriptedConn([new Deno.errors.ConnectionReset("reset")])).response, StaleConnectionError);
});

Deno.test("readSocketResponse: reset after part of the head is not stale", async () => {
  const result = read(scriptedConn(["HTTP/1.1 200 OK\r\n", new Deno.errors.ConnectionReset("reset")])).response;
  await assert.rejects(result, (error: Error) => !(error instanceof StaleConnectionError) && error instanceof Deno.errors.ConnectionReset);
});

Deno.test("readSocketResponse: uses the read started while idle", async () => {
  const started = encoder.encode("HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok");
  const buffer = new Uint8Array(64);
  buffer.set(started);
  const probe: TransportProbe = { sentT: 0, headT: null, bodyT: null };
  const response = await readSocketResponse({
    conn: scriptedConn([]),
    method: "GET",
    url: new URL("http://127.0.0.1:9/"),
    clock: () => performance.now(),
    probe,
    signal: new AbortController().signal,
    startedRead: { result: Promise.resolve(started.length), buffer },
    onDone: () => {},
  });
  assert.equal(await response.text(), "ok");
});

Deno.test("readSocketResponse: a complete keep-alive body frees the connection", async () => {
  const result = read(scriptedConn(["HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok"]));
  assert.equal(await (await result.response).text(), "ok");
  assert.equal(result.reusable(), true);
});
