import { RowError } from "./row_error.ts";

// ISO 8601 date and time; the zone is optional (a time without a zone is read as UTC).
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Parses a log timestamp into milliseconds since the Unix epoch.
 *
 * Accepts ISO 8601 strings such as `2026-03-01T12:00:00.123Z`, with a space for the `T`, any
 * zone offset, or no zone (read as UTC). Also accepts Unix epoch numbers or numeric strings,
 * whose unit follows from their size: below 1e11 seconds, below 1e14 milliseconds, below 1e17
 * microseconds, else nanoseconds. Throws {@link RowError} for anything else.
 */
export function parseTimestamp(value: unknown, field = "timestamp"): number {
  if (typeof value === "number") return fromEpoch(value, field);
  if (typeof value !== "string" || value.trim() === "") {
    throw new RowError(`${field} is missing or not a string or number`, value ?? null);
  }
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return fromEpoch(Number(text), field);

  const match = ISO_DATE_TIME.exec(text);
  if (match === null) {
    throw new RowError(`${field} is not an ISO 8601 date-time or a Unix epoch number`, value);
  }
  const [, year, month, day, hour, minute, second = "00", fraction = "", zone = "Z"] = match;
  const normalised = `${year}-${month}-${day}T${hour}:${minute}:${second}${fraction.slice(0, 4)}${normaliseZone(zone)}`;
  const ms = Date.parse(normalised);
  if (Number.isNaN(ms) || !sameCalendarDate(ms, normalised, year, month, day)) {
    throw new RowError(`${field} is not a valid calendar date-time`, value);
  }
  return ms;
}

// Date.parse needs "Z" or "+hh:mm"; logs also write "z" and "+hhmm".
function normaliseZone(zone: string): string {
  if (zone.toUpperCase() === "Z") return "Z";
  if (zone.length === 5) return `${zone.slice(0, 3)}:${zone.slice(3)}`;
  return zone;
}

function fromEpoch(value: number, field: string): number {
  if (!Number.isFinite(value) || value <= 0) {
    throw new RowError(`${field} is not a positive Unix epoch number`, value);
  }
  if (value < 1e11) return value * 1000;
  if (value < 1e14) return value;
  if (value < 1e17) return value / 1000;
  return value / 1e6;
}

// Date.parse rolls 2026-02-30 over to March; a rolled-over date is a typo in the log.
function sameCalendarDate(ms: number, normalised: string, year: string, month: string, day: string): boolean {
  const offsetMatch = /([+-])(\d{2}):(\d{2})$/.exec(normalised);
  const offsetMs = offsetMatch === null
    ? 0
    : (offsetMatch[1] === "-" ? -1 : 1) * (Number(offsetMatch[2]) * 60 + Number(offsetMatch[3])) * 60_000;
  const local = new Date(ms + offsetMs);
  return local.getUTCFullYear() === Number(year) && local.getUTCMonth() + 1 === Number(month) &&
    local.getUTCDate() === Number(day);
}
