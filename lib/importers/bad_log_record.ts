import type { LogRecordFormat } from "./format_log_record.ts";

// Each format's malformed records, cycled through in order.
const BAD_RECORDS: Record<LogRecordFormat, { text: string; problem: string }[]> = {
  jsonl: [
    { text: '{"timestamp": "2026-03-01T10:00:00Z", "model": "gpt-4o", "latency_ms": ', problem: "truncated JSON" },
    {
      text:
        '{"timestamp":"2026-03-01T10:00:00Z","model":"gpt-4o","latency_ms":-5,"input_tokens":10,"output_tokens":5,"status":"ok"}',
      problem: "negative latency",
    },
    { text: '{"timestamp":"yesterday","model":"gpt-4o","latency_ms":500,"status":"ok"}', problem: "unreadable timestamp" },
    { text: '{"timestamp":"2026-03-01T10:00:00Z","latency_ms":500,"status":"ok"}', problem: "no model" },
    {
      text: '{"timestamp":"2026-03-01T10:00:00Z","model":"gpt-4o","latency_ms":500,"status":"maybe"}',
      problem: "unknown status",
    },
  ],
  csv: [
    { text: "2026-03-01T10:00:00Z,gpt-4o,500", problem: "too few fields" },
    { text: "2026-03-01T10:00:00Z,gpt-4o,fast,,10,5,ok,gpt-4o-2024-08-06", problem: "latency not a number" },
    { text: "2026-13-45T10:00:00Z,gpt-4o,500,,10,5,ok,gpt-4o-2024-08-06", problem: "invalid date" },
    { text: '2026-03-01T10:00:00Z,"gpt-4o,500,,10,5,ok,gpt-4o-2024-08-06', problem: "unclosed quote" },
    { text: "2026-03-01T10:00:00Z,gpt-4o,500,900,10,5,ok,gpt-4o-2024-08-06", problem: "ttft above latency" },
  ],
  otel: [
    { text: '{"resourceSpans": [{"scopeSpans": [{"spans": [{"name": "chat gpt-4o"', problem: "truncated JSON" },
    {
      text: JSON.stringify({
        resourceSpans: [{
          scopeSpans: [{
            spans: [{
              name: "chat",
              startTimeUnixNano: "1772359200000000000",
              endTimeUnixNano: "1772359201000000000",
              attributes: [{ key: "gen_ai.operation.name", value: { stringValue: "chat" } }],
            }],
          }],
        }],
      }),
      problem: "span without a model",
    },
    {
      text: JSON.stringify({
        resourceSpans: [{
          scopeSpans: [{
            spans: [{
              name: "chat gpt-4o",
              startTimeUnixNano: "1772359201000000000",
              endTimeUnixNano: "1772359200000000000",
              attributes: [{ key: "gen_ai.request.model", value: { stringValue: "gpt-4o" } }],
            }],
          }],
        }],
      }),
      problem: "span ends before it starts",
    },
  ],
};

/** Returns the `index`-th planted malformed record of a format (one line) and what is wrong with it. */
export function badLogRecord(format: LogRecordFormat, index: number): { text: string; problem: string } {
  const records = BAD_RECORDS[format];
  if (records === undefined) throw new RangeError(`badLogRecord: unknown format ${JSON.stringify(format)}`);
  return records[index % records.length];
}
