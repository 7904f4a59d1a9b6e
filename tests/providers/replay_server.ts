/**
 * Test helper: an HTTP server on 127.0.0.1 (random port) that replays a recorded response
 * body piece by piece with given delays, and records every request it receives.
 */

/** One write of the response body, sent `delayMs` after the previous write. */
export interface ReplayPiece {
  bytes: Uint8Array;
  delayMs: number;
}

/** The response the server replays. */
export interface ReplayResponse {
  status?: number;
  headers?: Record<string, string>;
  body: ReplayPiece[];
}

/** A request as the server received it. */
export interface RecordedRequest {
  method: string;
  /** Path and query, e.g. `/v1/chat/completions`. */
  path: string;
  headers: Headers;
  /** The JSON body, or the raw text when it is not JSON. */
  body: unknown;
}

/** A running replay server. */
export interface ReplayServer {
  /** Origin, e.g. `http://127.0.0.1:41234`. */
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

const FIXTURES = new URL("./fixtures/", import.meta.url);
const encoder = new TextEncoder();

/** Read a fixture file from `tests/providers/fixtures/` as text. */
export function readFixture(name: string): string {
  return Deno.readTextFileSync(new URL(name, FIXTURES));
}

/** Read a JSON error fixture: `{ status, headers, body }`. */
export function readErrorFixture(name: string): ReplayResponse {
  const fixture = JSON.parse(readFixture(name)) as { status: number; headers?: Record<string, string>; body: unknown };
  return {
    status: fixture.status,
    headers: { "content-type": "application/json", ...fixture.headers },
    body: [{ bytes: encoder.encode(JSON.stringify(fixture.body)), delayMs: 0 }],
  };
}

/**
 * Split an SSE transcript into events, each keeping its own trailing blank line (`\n\n`
 * or `\r\n\r\n`), so replaying every piece reproduces the file byte for byte.
 */
export function splitSseEvents(text: string): string[] {
  const events: string[] = [];
  const delimiter = /\r\n\r\n|\n\n/g;
  let start = 0;
  for (let match = delimiter.exec(text); match !== null; match = delimiter.exec(text)) {
    events.push(text.slice(start, match.index + match[0].length));
    start = match.index + match[0].length;
  }
  if (start < text.length) events.push(text.slice(start));
  return events;
}

/** Turn SSE events into pieces. `delaysMs[i]` is the wait before event `i`, 0 when absent. */
export function ssePieces(events: string[], delaysMs: number[] = []): ReplayPiece[] {
  return events.map((event, index) => ({ bytes: encoder.encode(event), delayMs: delaysMs[index] ?? 0 }));
}

/**
 * Split piece `index` into two writes at `byteOffset`, the second sent `gapMs` later, so the
 * client reads them separately. The offset may fall inside a multi-byte UTF-8 character.
 */
export function splitPiece(pieces: ReplayPiece[], index: number, byteOffset: number, gapMs = 40): ReplayPiece[] {
  const piece = pieces[index];
  if (!piece || byteOffset <= 0 || byteOffset >= piece.bytes.length) {
    throw new Error(`Cannot split piece ${index} at byte ${byteOffset}: the offset must fall inside the piece.`);
  }
  const first = { bytes: piece.bytes.slice(0, byteOffset), delayMs: piece.delayMs };
  const second = { bytes: piece.bytes.slice(byteOffset), delayMs: gapMs };
  return [...pieces.slice(0, index), first, second, ...pieces.slice(index + 1)];
}

/** Return the byte offset just after the first occurrence of `marker` in `text` (UTF-8). */
export function byteOffsetAfter(text: string, marker: string): number {
  const at = text.indexOf(marker);
  if (at < 0) throw new Error(`Marker ${JSON.stringify(marker)} not found in the event.`);
  return encoder.encode(text.slice(0, at + marker.length)).length;
}

/** Start a server that responds to every request with `respond`, or with its result for that request. */
export function startReplayServer(respond: ReplayResponse | ((request: RecordedRequest) => ReplayResponse)): ReplayServer {
  const requests: RecordedRequest[] = [];
  const writers = new Set<Promise<void>>();

  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, async (request) => {
    const url = new URL(request.url);
    const text = await request.text();
    const recorded: RecordedRequest = { method: request.method, path: url.pathname + url.search, headers: request.headers, body: parseJson(text) };
    requests.push(recorded);

    const reply = typeof respond === "function" ? respond(recorded) : respond;
    let cancelled = false;
    let finished: () => void = () => {};
    const writer = new Promise<void>((resolve) => (finished = resolve));
    writers.add(writer);
    writer.then(() => writers.delete(writer));

    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        try {
          for (const piece of reply.body) {
            if (piece.delayMs > 0) await delay(piece.delayMs);
            if (cancelled) return;
            controller.enqueue(piece.bytes);
          }
          controller.close();
        } catch {
          // The client went away while a piece was written.
        } finally {
          finished();
        }
      },
      cancel() {
        cancelled = true;
      },
    });

    const headers = new Headers({ "content-type": "text/event-stream", "cache-control": "no-transform", ...reply.headers });
    return new Response(body, { status: reply.status ?? 200, headers });
  });

  return {
    url: `http://127.0.0.1:${server.addr.port}`,
    requests,
    close: async () => {
      await Promise.all([...writers]);
      await server.shutdown();
    },
  };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
