import { SpecError } from "../lib/spec/spec_error.ts";
import { DatasetError } from "../lib/datasets/dataset_error.ts";
import { PriceTableError } from "../lib/pricing/price_table_error.ts";
import { EndpointError } from "../lib/providers/endpoint_error.ts";
import { ResumeError } from "../lib/runner/resume_error.ts";

/**
 * Tells whether an error is about the user's input (spec, dataset, price table, keys, run id),
 * so a CLI shows its message without a stack trace.
 */
export function isUserError(error: unknown): error is Error {
  return error instanceof SpecError || error instanceof DatasetError || error instanceof PriceTableError ||
    error instanceof EndpointError || error instanceof ResumeError ||
    (error instanceof RangeError && error.message.startsWith("invalid run id"));
}
