import { FetchTransport, type HttpTransport, type TransportProbe } from "./http_transport.ts";
import type { Clock } from "./types.ts";

/** The response head one request received. */
export interface ResponseHead {
  /** Clock reading right before the request went out: before its bytes were written (socket) or `fetch` was called. */
  sentT: number;
  /** Clock reading when the status line and headers had arrived. */
  t: number;
  status: number;
  headers: Headers;
  /** `x-request-id` (OpenAI) or `request-id` (Anthropic); null when the server sent neither. */
  requestId: string | null;
}

/** A fetch function that remembers the head of the last response it received. */
export interface TimedFetch {
  fetch: typeof globalThis.fetch;
  /** Head of the last response, or null while no response has arrived. */
  lastHead(): ResponseHead | null;
  /**
   * Arrival time of the response body bytes the SDK read last, or null when the transport
   * cannot tell (`fetch`). An event the SDK yields arrived then, however long its parsing took.
   */
  lastBodyT(): number | null;
}

/**
 * Create a fetch function to hand to an SDK client, so the adapter learns when the request
 * went out, when the response head arrived, with which status and request id, and when the
 * body bytes behind each event arrived. Use one per request: it keeps only the last response.
 */
export function createTimedFetch(clock: Clock, transport: HttpTransport = new FetchTransport(clock)): TimedFetch {
  let head: ResponseHead | null = null;
  let probe: TransportProbe = { sentT: null, headT: null, bodyT: null };

  const timedFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    probe = { sentT: null, headT: null, bodyT: null };
    const response = await transport.fetch(input, init, probe);
    const t = probe.headT ?? clock();
    head = {
      sentT: probe.sentT ?? t,
      t,
      status: response.status,
      headers: response.headers,
      requestId: response.headers.get("x-request-id") ?? response.headers.get("request-id"),
    };
    return response;
  };

  return { fetch: timedFetch as typeof globalThis.fetch, lastHead: () => head, lastBodyT: () => probe.bodyT };
}
