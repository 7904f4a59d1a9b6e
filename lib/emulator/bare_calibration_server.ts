import { closeQuietly } from "../providers/connection_pool.ts";
import { writeAll } from "../providers/write_all.ts";
import { CALIBRATION_MODEL } from "./calibration_engine.ts";

/** A running bare calibration server. */
export interface BareCalibrationServer {
  url: string;
  close(): Promise<void>;
}

const encoder = new TextEncoder();
const MAX_REQUEST_BYTES = 1024 * 1024;
const CHUNK_FIELDS = '"id":"chatcmpl-bare","object":"chat.completion.chunk","created":0,"model":"calibration"';

/**
 * Serves calibration streams (`calibration-ttft<ms>-gap<ms>-n<chunks>`, OpenAI chunk shape)
 * from a minimal HTTP/1.1 server written on raw sockets: no routing, no prompt handling, one
 * timer per stream and one socket write per chunk, each stamped right before the write. It
 * serves any POST whose JSON body names such a model. `deno task calibrate` uses it to
 * measure the floor: the cost of the runtime's sockets and timers without the emulator's
 * HTTP server and without the SDKs. `onError` receives one line per connection that failed.
 */
export function startBareCalibrationServer(port = 0, onError: (message: string) => void = () => {}): BareCalibrationServer {
  const listener = Deno.listen({ hostname: "127.0.0.1", port });
  const open = new Set<Deno.Conn>();
  let closing = false;
  const accepting = (async () => {
    try {
      for await (const conn of listener) {
        open.add(conn);
        const peer = conn.remoteAddr as Deno.NetAddr;
        serveConnection(conn).catch((error) => {
          // Connections that the server closes on shutdown fail too, and that is no error.
          if (!closing) onError(`connection from ${peer.hostname}:${peer.port} failed: ${error instanceof Error ? error.message : error}`);
        }).finally(() => {
          open.delete(conn);
          closeQuietly(conn);
        });
      }
    } catch {
      // The listener was closed.
    }
  })();
  return {
    url: `http://127.0.0.1:${(listener.addr as Deno.NetAddr).port}`,
    close: async () => {
      closing = true;
      listener.close();
      for (const conn of open) closeQuietly(conn);
      await accepting;
    },
  };
}

async function serveConnection(conn: Deno.TcpConn): Promise<void> {
  conn.setNoDelay(true);
  const buffer = new Uint8Array(16 * 1024);
  let pending = "";
  for (;;) {
    const headEnd = pending.indexOf("\r\n\r\n");
    const length = headEnd === -1 ? 0 : Number(/\r\ncontent-length: *(\d+)/i.exec(pending.slice(0, headEnd))?.[1] ?? 0);
    if (headEnd === -1 || pending.length < headEnd + 4 + length) {
      const n = await conn.read(buffer);
      if (n === null) return;
      pending += new TextDecoder("latin1").decode(buffer.subarray(0, n));
      if (pending.length > MAX_REQUEST_BYTES) return;
      continue;
    }
    const arrivedAt = performance.now();
    const body = pending.slice(headEnd + 4, headEnd + 4 + length);
    pending = pending.slice(headEnd + 4 + length);
    const match = CALIBRATION_MODEL.exec(/"model"\s*:\s*"([^"]*)"/.exec(body)?.[1] ?? "");
    if (match === null) {
      const message = '{"error":{"message":"model not found: the bare calibration server serves only calibration-ttft<ms>-gap<ms>-n<chunks> models"}}';
      await writeText(conn, `HTTP/1.1 404 Not Found\r\ncontent-type: application/json\r\ncontent-length: ${message.length}\r\n\r\n${message}`);
      continue;
    }
    await sendStream(conn, arrivedAt, Number(match[1]), Number(match[2]), Number(match[3]));
  }
}

/** Writes the head at once, then chunk `i` at `ttft + i × gap` ms after arrival, each stamped as it is written. */
async function sendStream(conn: Deno.Conn, arrivedAt: number, ttftMs: number, gapMs: number, count: number): Promise<void> {
  await writeText(conn, "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ntransfer-encoding: chunked\r\n\r\n");
  const arrivalUnixUs = Math.round((performance.timeOrigin + arrivedAt) * 1000);
  for (let i = 0; i < count; i++) {
    const due = ttftMs + i * gapMs - (performance.now() - arrivedAt);
    if (due > 0) await new Promise((resolve) => setTimeout(resolve, due));
    const sentUs = Math.round((performance.now() - arrivedAt) * 1000);
    let event = sseChunk(`data: {${CHUNK_FIELDS},"choices":[{"index":0,"delta":{"content":"[${sentUs}|${arrivalUnixUs}]"},"finish_reason":null}]}\n\n`);
    if (i === count - 1) {
      const usage = `{"prompt_tokens":1,"completion_tokens":${count},"total_tokens":${count + 1}}`;
      event += sseChunk(`data: {${CHUNK_FIELDS},"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}\n\n`);
      event += sseChunk(`data: {${CHUNK_FIELDS},"choices":[],"usage":${usage}}\n\n`);
      event += sseChunk("data: [DONE]\n\n") + "0\r\n\r\n";
    }
    await writeText(conn, event);
  }
}

function sseChunk(text: string): string {
  return `${encoder.encode(text).length.toString(16)}\r\n${text}\r\n`;
}

function writeText(conn: Deno.Conn, text: string): Promise<void> {
  return writeAll(conn, encoder.encode(text));
}
