import type { HttpTransport, TransportProbe } from "../providers/http_transport.ts";
import type { Clock } from "../providers/types.ts";
import type { StreamRunner } from "./measure_level.ts";
import { stampedTimingErrors } from "./timing_errors.ts";

const STAMP_IN_EVENT = /\[\d+\|\d+\]/;

/**
 * Creates a `StreamRunner` without the SDK. It posts a Chat Completions request for `model`
 * to `url` over `transport` and finds each event's stamp in the raw SSE bytes, timing an
 * event by the arrival of the read that completed it. Against the same server it shows the
 * error left by the runtime's sockets and the server before any SDK or harness code runs.
 */
export function bareStreamRunner(transport: HttpTransport, url: string, model: string, clock: Clock): StreamRunner {
  const body = JSON.stringify({ model, stream: true, messages: [{ role: "user", content: "calibrate" }], max_tokens: 64 });
  const init = { method: "POST", headers: { "content-type": "application/json", authorization: "Bearer calibration" }, body };

  return async (origin, originUnixMs) => {
    const probe: TransportProbe = { sentT: null, headT: null, bodyT: null };
    const response = await transport.fetch(url, init, probe);
    if (!response.ok || response.body === null) throw new Error(`calibration request failed with HTTP ${response.status}`);
    const decoder = new TextDecoder();
    const chunks: { t_ms: number; text: string }[] = [];
    let pending = "";
    let events = 1; // the response head
    for await (const bytes of response.body) {
      pending += decoder.decode(bytes, { stream: true });
      const complete = pending.split("\n\n");
      pending = complete.pop()!;
      for (const event of complete) {
        events++;
        const stamp = STAMP_IN_EVENT.exec(event);
        if (stamp !== null) chunks.push({ t_ms: probe.bodyT! - origin, text: stamp[0] });
      }
    }
    return stampedTimingErrors(probe.sentT! - origin, chunks, events, originUnixMs);
  };
}
