/**
 * Test helper: a raw TCP server on 127.0.0.1 that responds with HTTP 200 and a chunked SSE
 * body, writes the given pieces, then closes the socket without the final empty chunk, the
 * way a dropped connection looks to the client.
 */
import type { ReplayPiece } from "./replay_server.ts";
import { writeAll } from "../../lib/providers/write_all.ts";

/** A running dropping server. */
export interface DroppingServer {
  url: string;
  close(): Promise<void>;
}

const encoder = new TextEncoder();
const HEAD = "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ntransfer-encoding: chunked\r\nconnection: close\r\n\r\n";

/** Start a server that cuts every response off after `pieces`. */
export function startDroppingServer(pieces: ReplayPiece[]): DroppingServer {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const handlers = new Set<Promise<void>>();

  const accepting = (async () => {
    try {
      for await (const connection of listener) {
        const handler = serve(connection, pieces);
        handlers.add(handler);
        handler.finally(() => handlers.delete(handler));
      }
    } catch {
      // The listener was closed.
    }
  })();

  return {
    url: `http://127.0.0.1:${(listener.addr as Deno.NetAddr).port}`,
    close: async () => {
      listener.close();
      await accepting;
      await Promise.all([...handlers]);
    },
  };
}

async function serve(connection: Deno.Conn, pieces: ReplayPiece[]): Promise<void> {
  try {
    await readRequest(connection);
    await connection.write(encoder.encode(HEAD));
    for (const piece of pieces) {
      if (piece.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, piece.delayMs));
      await writeAll(connection, encoder.encode(`${piece.bytes.length.toString(16)}\r\n`));
      await writeAll(connection, piece.bytes);
      await writeAll(connection, encoder.encode("\r\n"));
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  } catch {
    // The client went away first.
  } finally {
    connection.close();
  }
}

/** Read the request head and its `content-length` body, so closing the socket later is not a reset on unread data. */
async function readRequest(connection: Deno.Conn): Promise<void> {
  const buffer = new Uint8Array(64 * 1024);
  let received = "";
  let bodyBytes = 0;
  for (;;) {
    const count = await connection.read(buffer);
    if (count === null) return;
    const chunk = new TextDecoder().decode(buffer.subarray(0, count));
    received += chunk;
    const headEnd = received.indexOf("\r\n\r\n");
    if (headEnd < 0) continue;
    const length = Number(/content-length:\s*(\d+)/i.exec(received.slice(0, headEnd))?.[1] ?? 0);
    bodyBytes = new TextEncoder().encode(received.slice(headEnd + 4)).length;
    if (bodyBytes >= length) return;
  }
}
