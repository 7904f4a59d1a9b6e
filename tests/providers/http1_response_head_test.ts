import assert from "node:assert/strict";
import { findHeadEnd, parseResponseHead } from "../../lib/providers/http1_response_head.ts";

const bytes = (text: string) => new TextEncoder().encode(text);

Deno.test("findHeadEnd finds the blank line after CRLF and bare LF heads", () => {
  assert.equal(findHeadEnd(bytes("HTTP/1.1 200 OK\r\na: b\r\n\r\nbody")), 25);
  assert.equal(findHeadEnd(bytes("HTTP/1.1 200 OK\na: b\n\nbody")), 22);
  assert.equal(findHeadEnd(bytes("HTTP/1.1 200 OK\r\na: b\r\n")), -1);
});

Deno.test("parseResponseHead reads status, reason and repeated headers", () => {
  const head = parseResponseHead(bytes("HTTP/1.1 429 Too Many Requests\r\nRetry-After: 2\r\nset-cookie: a=1\r\nset-cookie: b=2\r\n\r\n"));
  assert.equal(head.status, 429);
  assert.equal(head.statusText, "Too Many Requests");
  assert.equal(head.minorVersion, 1);
  assert.equal(head.headers.get("retry-after"), "2");
  assert.deepEqual(head.headers.getSetCookie(), ["a=1", "b=2"]);
});

Deno.test("parseResponseHead accepts an HTTP/1.0 status line without a reason", () => {
  const head = parseResponseHead(bytes("HTTP/1.0 200\r\n\r\n"));
  assert.equal(head.minorVersion, 0);
  assert.equal(head.statusText, "");
});

Deno.test("parseResponseHead rejects a status line that is not HTTP/1.x", () => {
  assert.throws(() => parseResponseHead(bytes("SSH-2.0-OpenSSH\r\n\r\n")), /status line "SSH-2.0-OpenSSH" is not "HTTP\/1.x <code> <reason>"/);
});

Deno.test("parseResponseHead rejects a header line without a colon", () => {
  assert.throws(() => parseResponseHead(bytes("HTTP/1.1 200 OK\r\nbroken header\r\n\r\n")), /header line "broken header" is not "name: value"/);
});

Deno.test("parseResponseHead keeps header bytes 0x80-0x9F", () => {
  const head = parseResponseHead(new Uint8Array([...bytes("HTTP/1.1 200 OK\r\nx-note: a "), 0xe2, 0x80, 0x94, ...bytes(" b\r\n\r\n")]));
  assert.equal(head.headers.get("x-note"), "a \u00e2\u0080\u0094 b");
});
