import { EmulatorRequestError } from "./emulator_request_error.ts";
import { type EmulatedCall, ReplyEngine, type ReplyPlan, type TimedChunk } from "./reply_engine.ts";
import { ARRIVAL_MARKER, EMIT_MARKER } from "./timed_event_stream.ts";

/** Model names the calibration engine serves: `calibration-ttft<ms>-gap<ms>-n<chunks>`. */
export const CALIBRATION_MODEL = /^calibration-ttft(\d+(?:\.\d+)?)-gap(\d+(?:\.\d+)?)-n(\d+)$/;

/** Returns the calibration model name for a schedule, e.g. `calibration-ttft50-gap10-n20`. */
export function calibrationModel(ttftMs: number, gapMs: number, chunks: number): string {
  return `calibration-ttft${ttftMs}-gap${gapMs}-n${chunks}`;
}

/**
 * Serves scripted streams for measuring the harness: the first chunk goes out `ttft` ms after
 * the request arrived and each later one `gap` ms after the one before. Every chunk's text is
 * `[µs|arrival]`: the microseconds since arrival at which the server sent it, and the
 * arrival time in µs since the Unix epoch. A client compares the times it observed with the
 * times the server actually sent, each on its own clock, so timer lateness in the server does
 * not count as client error. The arrival time splits the error into the request and the
 * response path when both processes read the same system clock.
 */
export class CalibrationEngine extends ReplyEngine {
  override plan(call: EmulatedCall): ReplyPlan {
    const model = call.model.replace(/^models\//, "");
    const match = CALIBRATION_MODEL.exec(model);
    if (match === null) {
      throw new EmulatorRequestError(
        "not_found",
        `The calibration emulator serves only models named calibration-ttft<ms>-gap<ms>-n<chunks>, got ${model}.`,
        { param: "model", code: "model_not_found" },
      );
    }
    const [ttftMs, gapMs, count] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (count < 1) throw new EmulatorRequestError("invalid_request", "A calibration stream needs at least 1 chunk.", { param: "model" });
    const input = this.countInput(call.prompt);
    const chunks: TimedChunk[] = Array.from({ length: count }, (_, i) => ({
      text: `[${EMIT_MARKER}|${ARRIVAL_MARKER}]`,
      tokens: 1,
      atMs: ttftMs + i * gapMs,
    }));
    const { name, profile } = this.profiles.find("default");
    return {
      profileName: name,
      profile,
      modelVersion: model,
      inputTextTokens: input.text,
      inputImageTokens: input.image,
      inputTokens: input.text + input.image,
      thinkingText: "",
      thinkingTokens: 0,
      thinkingChunks: [],
      answerText: chunks.map((chunk) => chunk.text).join(""),
      answerTokens: count,
      answerChunks: chunks,
      finish: "stop",
      endAtMs: chunks.at(-1)!.atMs,
      item: null,
      fault: null,
      stampEmitTimes: true,
    };
  }
}
