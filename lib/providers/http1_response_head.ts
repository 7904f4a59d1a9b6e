import { HttpProtocolError } from "./http_protocol_error.ts";

/** Status line and headers of one HTTP/1.x response. */
export interface ResponseHead {
  /** Minor version: 1 for HTTP/1.1, 0 for HTTP/1.0. */
  minorVersion: 0 | 1;
  status: number;
  statusText: string;
  headers: Headers;
}

/** Maximum length of a response head, status line and headers together. */
export const MAX_HEAD_BYTES = 64 * 1024;

const STATUS_LINE = /^HTTP\/1\.([01]) (\d{3})(?: (.*))?$/;
const HEADER_LINE = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \t]*(.*?)[ \t]*$/;

/**
 * Finds the end of a response head in `bytes`: the index just past the blank line that
 * ends it (CRLF CRLF, or bare LF LF as lenient servers send), or -1 while it is incomplete.
 */
export function findHeadEnd(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] !== 0x0a) continue;
    if (bytes[i + 1] === 0x0a) return i + 2;
    if (bytes[i + 1] === 0x0d && bytes[i + 2] === 0x0a) return i + 3;
  }
  return -1;
}

/**
 * Parses a response head (the bytes before the body, blank line included). Throws an
 * `HttpProtocolError` naming the line that breaks HTTP/1.1 framing.
 */
export function parseResponseHead(bytes: Uint8Array): ResponseHead {
  const lines = byteString(bytes).split("\n").map((line) => line.replace(/\r$/, ""));
  const statusMatch = STATUS_LINE.exec(lines[0]);
  if (statusMatch === null) {
    throw new HttpProtocolError(`invalid HTTP response: the status line ${JSON.stringify(lines[0].slice(0, 80))} is not "HTTP/1.x <code> <reason>"`);
  }
  const headers = new Headers();
  for (const line of lines.slice(1)) {
    if (line === "") continue;
    const headerMatch = HEADER_LINE.exec(line);
    if (headerMatch === null) throw new HttpProtocolError(`invalid HTTP response: the header line ${JSON.stringify(line.slice(0, 80))} is not "name: value"`);
    headers.append(headerMatch[1], headerMatch[2]);
  }
  return {
    minorVersion: statusMatch[1] === "1" ? 1 : 0,
    status: Number(statusMatch[2]),
    statusText: statusMatch[3] ?? "",
    headers,
  };
}

/**
 * Maps each byte to the character with the same code, as header values are byte strings.
 * `TextDecoder("latin1")` is windows-1252, which turns 0x80–0x9F into other characters.
 */
function byteString(bytes: Uint8Array): string {
  let text = "";
  for (let start = 0; start < bytes.length; start += 8192) text += String.fromCharCode(...bytes.subarray(start, start + 8192));
  return text;
}
