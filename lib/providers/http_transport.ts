import type { Clock } from "./types.ts";

/** Transports an adapter can send its SDK's requests through. */
export const TRANSPORT_NAMES = ["socket", "fetch"] as const;
export type TransportName = (typeof TRANSPORT_NAMES)[number];

/** Timestamps a transport took for one request, on the adapter's clock. */
export interface TransportProbe {
  /** Clock reading right before the request's bytes went to the network layer. */
  sentT: number | null;
  /** Arrival time of the read that completed the response head. Null for `fetch`, which resolves later. */
  headT: number | null;
  /**
   * Arrival time of the body bytes the reader took last. A stream event the SDK yields was
   * completed by those bytes, so this is when the event arrived, before the SDK parsed it.
   * Null for a transport that cannot see reads (`fetch`).
   */
  bodyT: number | null;
}

/** Carries an SDK's requests: a `fetch` that also fills a probe. */
export interface HttpTransport {
  readonly name: TransportName;
  fetch(input: string | URL | Request, init: RequestInit | undefined, probe: TransportProbe): Promise<Response>;
  /** Closes idle keep-alive connections. The transport stays usable and opens new ones when needed. */
  close(): void;
}

/**
 * The runtime's `fetch` as a transport. It cannot observe the moment the bytes leave or
 * the moment they arrive, so the send time is stamped before the call and event times fall
 * back to when the SDK yields each event.
 */
export class FetchTransport implements HttpTransport {
  readonly name = "fetch";
  readonly #clock: Clock;
  readonly #fetch: typeof globalThis.fetch;

  constructor(clock: Clock, baseFetch: typeof globalThis.fetch = globalThis.fetch) {
    this.#clock = clock;
    this.#fetch = baseFetch;
  }

  fetch(input: string | URL | Request, init: RequestInit | undefined, probe: TransportProbe): Promise<Response> {
    probe.sentT = this.#clock();
    return this.#fetch(input, init);
  }

  close(): void {}
}
