import { HttpProtocolError } from "./http_protocol_error.ts";

/** Delimiting of an HTTP/1.x response body. */
export type BodyFraming =
  | { kind: "none" }
  | { kind: "length"; length: number }
  | { kind: "chunked" }
  | { kind: "close" };

/** Maximum length of a chunk-size or trailer line in a chunked body. */
const MAX_LINE_BYTES = 4096;

/**
 * Reads the framing of a response body from the request method, status and headers, as
 * HTTP/1.1 defines it. HEAD, 1xx, 204 and 304 responses have no body. Chunked encoding wins
 * over content-length, and without either the body runs until the server closes the connection.
 */
export function bodyFraming(method: string, status: number, headers: Headers): BodyFraming {
  if (method === "HEAD" || status < 200 || status === 204 || status === 304) return { kind: "none" };
  const transferEncoding = headers.get("transfer-encoding");
  if (transferEncoding !== null) {
    return /(?:^|,)\s*chunked\s*$/i.test(transferEncoding) ? { kind: "chunked" } : { kind: "close" };
  }
  const contentLength = headers.get("content-length");
  if (contentLength !== null) {
    // Repeated values are allowed only when they agree (RFC 9110, section 8.6).
    const values = new Set(contentLength.split(",").map((value) => value.trim()));
    const [text] = values;
    if (values.size !== 1 || !/^\d{1,15}$/.test(text)) {
      throw new HttpProtocolError(`invalid HTTP response: content-length ${JSON.stringify(contentLength)} is not one whole number of bytes`);
    }
    const length = Number(text);
    return length === 0 ? { kind: "none" } : { kind: "length", length };
  }
  return { kind: "close" };
}

/**
 * Turns the bytes of a response body, as they arrive in reads of any size, into the body's
 * payload. A chunk-size line, a chunk or a CRLF may be split across reads. `push` returns
 * the payload found in one read, and `done` turns true once the body's last byte has been read.
 */
export class BodyDecoder {
  readonly #framing: BodyFraming;
  #remaining: number;
  #state: "size" | "data" | "data-end" | "trailer" | "done";
  #line: number[] = [];

  constructor(framing: BodyFraming) {
    this.#framing = framing;
    this.#remaining = framing.kind === "length" ? framing.length : 0;
    if (framing.kind === "none") this.#state = "done";
    else if (framing.kind === "chunked") this.#state = "size";
    else this.#state = "data";
  }

  /** True once the whole body has been read. A body that runs until the close is done only after `end()`. */
  get done(): boolean {
    return this.#state === "done";
  }

  /** Bytes read past the end of the body (an early start of another response), or none. */
  leftover: Uint8Array = new Uint8Array(0);

  /** Decodes one read. Throws an `HttpProtocolError` when a chunked body breaks its framing. */
  push(bytes: Uint8Array): Uint8Array[] {
    if (this.#framing.kind === "close") return bytes.length === 0 ? [] : [bytes];
    if (this.#framing.kind === "length") return this.#pushLength(bytes);
    return this.#pushChunked(bytes);
  }

  /** Ends the body at the connection's close. Throws an `HttpProtocolError` when bytes were still due. */
  end(): void {
    if (this.#framing.kind === "close") {
      this.#state = "done";
      return;
    }
    if (this.#state !== "done") throw new HttpProtocolError("the connection closed before the response body ended");
  }

  #pushLength(bytes: Uint8Array): Uint8Array[] {
    if (this.#state === "done") {
      this.leftover = bytes;
      return [];
    }
    const take = Math.min(this.#remaining, bytes.length);
    this.#remaining -= take;
    if (this.#remaining === 0) {
      this.#state = "done";
      this.leftover = bytes.subarray(take);
    }
    return take === 0 ? [] : [bytes.subarray(0, take)];
  }

  #pushChunked(bytes: Uint8Array): Uint8Array[] {
    const pieces: Uint8Array[] = [];
    let i = 0;
    while (i < bytes.length && this.#state !== "done") {
      if (this.#state === "data") {
        const take = Math.min(this.#remaining, bytes.length - i);
        pieces.push(bytes.subarray(i, i + take));
        i += take;
        this.#remaining -= take;
        if (this.#remaining === 0) this.#state = "data-end";
        continue;
      }
      const byte = bytes[i++];
      if (byte !== 0x0a) {
        this.#line.push(byte);
        if (this.#line.length > MAX_LINE_BYTES) throw new HttpProtocolError(`invalid chunked body: a line is longer than ${MAX_LINE_BYTES} bytes`);
        continue;
      }
      const line = String.fromCharCode(...this.#line).replace(/\r$/, "");
      this.#line = [];
      this.#endLine(line);
    }
    if (this.#state === "done") this.leftover = bytes.subarray(i);
    return pieces;
  }

  #endLine(line: string): void {
    if (this.#state === "data-end") {
      if (line !== "") throw new HttpProtocolError(`invalid chunked body: expected CRLF after a chunk, got ${JSON.stringify(line.slice(0, 40))}`);
      this.#state = "size";
      return;
    }
    if (this.#state === "trailer") {
      if (line === "") this.#state = "done";
      return;
    }
    const sizeText = line.split(";")[0].trim();
    if (!/^[0-9a-fA-F]{1,12}$/.test(sizeText)) throw new HttpProtocolError(`invalid chunked body: chunk size ${JSON.stringify(line.slice(0, 40))} is not hexadecimal`);
    this.#remaining = parseInt(sizeText, 16);
    this.#state = this.#remaining === 0 ? "trailer" : "data";
  }
}
