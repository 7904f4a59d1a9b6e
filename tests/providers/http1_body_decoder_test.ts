import assert from "node:assert/strict";
import { BodyDecoder, bodyFraming } from "../../lib/providers/http1_body_decoder.ts";
import { HttpProtocolError } from "../../lib/providers/http_protocol_error.ts";
import { concatBytes } from "../../lib/providers/concat_bytes.ts";

const encoder = new TextEncoder();
const text = (pieces: Uint8Array[]) => new TextDecoder().decode(concatBytes(pieces));

/** Feeds `wire` to a decoder in reads of `size` bytes and returns the payload and the decoder. */
function decodeInReads(framingHeaders: Record<string, string>, wire: string, size: number) {
  const decoder = new BodyDecoder(bodyFraming("POST", 200, new Headers(framingHeaders)));
  const bytes = encoder.encode(wire);
  const pieces: Uint8Array[] = [];
  for (let i = 0; i < bytes.length && !decoder.done; i += size) pieces.push(...decoder.push(bytes.subarray(i, i + size)));
  return { payload: text(pieces), decoder };
}

const CHUNKED = "7\r\ndata: a\r\n5;ext=1\r\n\n\nb: \r\n3\r\nxyz\r\n0\r\ntrailer: t\r\n\r\n";

for (const size of [1, 2, 3, 5, 7, 64]) {
  Deno.test(`BodyDecoder reads a chunked body split into ${size}-byte reads`, () => {
    const { payload, decoder } = decodeInReads({ "transfer-encoding": "chunked" }, CHUNKED, size);
    assert.equal(payload, "data: a\n\nb: xyz");
    assert.equal(decoder.done, true);
  });
}

Deno.test("BodyDecoder keeps a UTF-8 character split across chunks as bytes", () => {
  const euro = encoder.encode("€"); // three bytes
  const wire = concatBytes([encoder.encode("1\r\n"), euro.subarray(0, 1), encoder.encode("\r\n2\r\n"), euro.subarray(1), encoder.encode("\r\n0\r\n\r\n")]);
  const decoder = new BodyDecoder({ kind: "chunked" });
  const pieces: Uint8Array[] = [];
  for (const byte of wire) pieces.push(...decoder.push(new Uint8Array([byte])));
  assert.equal(text(pieces), "€");
  assert.equal(decoder.done, true);
});

Deno.test("BodyDecoder stops a content-length body at its length and keeps the rest as leftover", () => {
  const decoder = new BodyDecoder(bodyFraming("GET", 200, new Headers({ "content-length": "5" })));
  assert.equal(text(decoder.push(encoder.encode("hel"))), "hel");
  assert.equal(decoder.done, false);
  assert.equal(text(decoder.push(encoder.encode("loHTTP"))), "lo");
  assert.equal(decoder.done, true);
  assert.equal(new TextDecoder().decode(decoder.leftover), "HTTP");
});

Deno.test("BodyDecoder runs a close-delimited body until end()", () => {
  const decoder = new BodyDecoder(bodyFraming("GET", 200, new Headers()));
  assert.equal(text(decoder.push(encoder.encode("all of it"))), "all of it");
  assert.equal(decoder.done, false);
  decoder.end();
  assert.equal(decoder.done, true);
});

Deno.test("BodyDecoder end() rejects a chunked body cut before its last chunk", () => {
  const decoder = new BodyDecoder({ kind: "chunked" });
  decoder.push(encoder.encode("5\r\nab"));
  assert.throws(() => decoder.end(), /closed before the response body ended/);
});

Deno.test("BodyDecoder rejects a chunk size that is not hexadecimal", () => {
  const decoder = new BodyDecoder({ kind: "chunked" });
  assert.throws(() => decoder.push(encoder.encode("zz\r\n")), /chunk size "zz" is not hexadecimal/);
});

Deno.test("BodyDecoder rejects a chunk not followed by CRLF", () => {
  const decoder = new BodyDecoder({ kind: "chunked" });
  assert.throws(() => decoder.push(encoder.encode("2\r\nabcd\r\n")), /expected CRLF after a chunk/);
});

Deno.test("bodyFraming gives no body to HEAD, 204, 304 and content-length 0", () => {
  assert.deepEqual(bodyFraming("HEAD", 200, new Headers({ "content-length": "10" })), { kind: "none" });
  assert.deepEqual(bodyFraming("GET", 204, new Headers()), { kind: "none" });
  assert.deepEqual(bodyFraming("GET", 304, new Headers()), { kind: "none" });
  assert.deepEqual(bodyFraming("GET", 200, new Headers({ "content-length": "0" })), { kind: "none" });
});

Deno.test("bodyFraming prefers chunked over content-length and rejects a bad length", () => {
  assert.deepEqual(bodyFraming("GET", 200, new Headers({ "transfer-encoding": "chunked", "content-length": "3" })), { kind: "chunked" });
});

for (const value of ["-1", "0x2", "2e0", "+2", "2.0", "", "2, 3"]) {
  Deno.test(`bodyFraming rejects content-length ${JSON.stringify(value)}`, () => {
    assert.throws(() => bodyFraming("GET", 200, new Headers({ "content-length": value })), HttpProtocolError);
  });
}

Deno.test("bodyFraming accepts repeated equal content-length", () => {
  assert.deepEqual(bodyFraming("GET", 200, new Headers({ "content-length": "2, 2" })), { kind: "length", length: 2 });
});
