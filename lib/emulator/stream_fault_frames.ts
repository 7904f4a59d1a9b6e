import type { FaultKind } from "./fault_kinds.ts";
import type { ProviderApi } from "./provider_api.ts";
import type { StreamEnding, TimedFrame } from "./timed_event_stream.ts";

/**
 * Cuts a planned stream where a stream fault strikes and returns the frames to send and how
 * the stream ends. `stall` stops before the first output frame (the opening events still go
 * out). The mid-stream faults stop after the middle output frame, rounded up so at least one
 * output frame is sent, and drop every later frame, the closing ones included. A plan
 * without output frames breaks after its opening frames (those sent at arrival).
 *
 * With `atMs` (a replayed recording) the cut comes after the last output frame instead and
 * the fault strikes at `atMs`, where the recorded stream failed.
 */
export function streamFaultFrames(
  frames: readonly TimedFrame[],
  fault: FaultKind | null,
  api: ProviderApi,
  requestId: string,
  atMs: number | null = null,
): { frames: TimedFrame[]; ending: StreamEnding } {
  const contentIndexes = frames.flatMap((frame, index) => (frame.content ? [index] : []));
  const opening = frames.findIndex((frame) => frame.atMs > 0);
  const firstContent = contentIndexes[0] ?? (opening < 0 ? frames.length : opening);
  const cutIndex = atMs === null ? Math.ceil(contentIndexes.length / 2) - 1 : contentIndexes.length - 1;
  const cutContent = contentIndexes[cutIndex] ?? firstContent - 1;
  const kept = frames.slice(0, (fault === "stall" ? firstContent - 1 : cutContent) + 1);
  const at = atMs ?? kept.at(-1)?.atMs ?? 0;
  // An empty frame delays the ending until the fault's time.
  const midstream = atMs === null ? kept : [...kept, { atMs: at, data: "" }];

  switch (fault) {
    case "stall":
      return { frames: kept, ending: "stall" };
    case "stall_midstream":
      return { frames: midstream, ending: "stall" };
    case "drop":
      return { frames: midstream, ending: "drop" };
    case "midstream_error":
      return { frames: [...midstream, { atMs: at, data: api.streamErrorFrame(requestId) }], ending: "close" };
    case "malformed_sse":
      return { frames: [...midstream, { atMs: at, data: api.malformedFrame() }], ending: "close" };
    default:
      return { frames: [...frames], ending: "close" };
  }
}
