/** Test helpers shared by the provider adapter tests. */
import type { Clock, ProviderAdapter, ProviderName, ProviderRequest, StreamEvent } from "../../lib/providers/types.ts";
import { createAdapter } from "../../lib/providers/create_adapter.ts";
import { resolveEndpoint } from "../../lib/providers/resolve_endpoint.ts";
import type { ReplayServer } from "./replay_server.ts";

/** Read every event of one adapter stream. */
export async function collectEvents(stream: AsyncIterable<StreamEvent>): Promise<StreamEvent[]> {
  const events: StreamEvent[] = [];
  for await (const event of stream) events.push(event);
  return events;
}

/** Create the adapter for `provider` pointed at the replay server, as the emulator would be. */
export function adapterFor(provider: ProviderName, server: ReplayServer, clock?: Clock): ProviderAdapter {
  const endpoint = resolveEndpoint(provider, {}, server.url, "emulator");
  return createAdapter(provider, endpoint, { clock });
}

/** Build a small request that every provider accepts. */
export function helloRequest(model: string, extra: Partial<ProviderRequest> = {}): ProviderRequest {
  return {
    model,
    messages: [{ role: "user", content: "Say hello." }],
    maxOutputTokens: 64,
    ...extra,
  };
}

/** Keep the events of one type, typed accordingly. */
export function ofType<K extends StreamEvent["type"]>(events: StreamEvent[], type: K): Extract<StreamEvent, { type: K }>[] {
  return events.filter((event): event is Extract<StreamEvent, { type: K }> => event.type === type);
}

/** Join the text of every event of `type` (`text-delta` by default). */
export function joinedText(events: StreamEvent[], type: "text-delta" | "reasoning-delta" = "text-delta"): string {
  return ofType(events, type).map((event) => event.text).join("");
}

/** List the event types in order, for asserting the exact shape of a stream. */
export function typesOf(events: StreamEvent[]): string[] {
  return events.map((event) => event.type);
}
