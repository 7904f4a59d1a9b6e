import { EmulatorRequestError } from "./emulator_request_error.ts";
import { FAULT_HEADER, FAULT_KINDS, type FaultKind, type FaultSettings } from "./fault_kinds.ts";
import type { SeededRandom } from "./seeded_random.ts";

/** A fault requested by header: one kind, `none` (no fault whatever the profile's rates), or nothing. */
export type ForcedFault = FaultKind | "none" | null;

/** Reads the `x-emulator-fault` header; rejects an unknown value with the list of known ones. */
export function readForcedFault(headers: Headers): ForcedFault {
  const value = headers.get(FAULT_HEADER);
  if (value === null || value.trim() === "") return null;
  const kind = value.trim();
  if (kind === "none" || (FAULT_KINDS as readonly string[]).includes(kind)) return kind as ForcedFault;
  throw new EmulatorRequestError(
    "invalid_request",
    `${FAULT_HEADER} must be one of none, ${FAULT_KINDS.join(", ")}; got ${JSON.stringify(kind)}.`,
    { param: FAULT_HEADER },
  );
}

/**
 * Chooses the fault of one request: the forced one when a header names it, else one drawn
 * from the profile's rates with `random` (one draw per request, so the same seed gives the
 * same faults), else none.
 */
export function chooseFault(forced: ForcedFault, settings: FaultSettings | undefined, random: SeededRandom): FaultKind | null {
  if (forced === "none") return null;
  if (forced !== null) return forced;
  if (settings === undefined) return null;
  const draw = random.next();
  let cumulative = 0;
  for (const kind of FAULT_KINDS) {
    cumulative += settings.rates[kind] ?? 0;
    if (draw < cumulative) return kind;
  }
  return null;
}
