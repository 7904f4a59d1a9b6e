import type { Clock } from "./types.ts";

/** The response head one request received, stamped when `fetch` resolved. */
export interface ResponseHead {
  /** Clock reading right before the request was handed to `fetch`, body already built. */
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
}

/**
 * Create a fetch wrapper to hand to an SDK client, so the adapter learns when the
 * response headers arrived, with which status and request id.
 *
 * `fetch` resolves as soon as the headers are in, before any body byte is read, so the
 * clock reading taken then is the time to first byte of the response head. Use one
 * wrapper per request: it keeps only the last response.
 */
export function createTimedFetch(clock: Clock, baseFetch: typeof globalThis.fetch = globalThis.fetch): TimedFetch {
  let head: ResponseHead | null = null;

  const timedFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const sentT = clock();
    const response = await baseFetch(input, init);
    const t = clock();
    head = {
      sentT,
      t,
      status: response.status,
      headers: response.headers,
      requestId: response.headers.get("x-request-id") ?? response.headers.get("request-id"),
    };
    return response;
  };

  return { fetch: timedFetch as typeof globalThis.fetch, lastHead: () => head };
}
