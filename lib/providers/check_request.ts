import type { ProviderRequest } from "./types.ts";
import { InvalidRequestError } from "./invalid_request_error.ts";

const ROLES = new Set(["system", "user", "assistant"]);

/**
 * Check a `ProviderRequest` before it is sent. Throws `InvalidRequestError` naming the
 * field, the rule and the fix. Adapters turn it into an `error` event.
 */
export function checkRequest(request: ProviderRequest): void {
  if (request === null || typeof request !== "object") {
    throw new InvalidRequestError("request", "Invalid request: expected an object with model, messages and maxOutputTokens.");
  }
  if (typeof request.model !== "string" || request.model.trim() === "") {
    throw new InvalidRequestError(
      "model",
      `Invalid request.model ${JSON.stringify(request.model)}: expected the provider's model name, e.g. "gpt-4o".`,
    );
  }
  if (!Number.isInteger(request.maxOutputTokens) || request.maxOutputTokens < 1) {
    throw new InvalidRequestError(
      "maxOutputTokens",
      `Invalid request.maxOutputTokens ${JSON.stringify(request.maxOutputTokens)}: expected an integer ≥ 1.`,
    );
  }
  if (request.temperature !== undefined && (typeof request.temperature !== "number" || !(request.temperature >= 0))) {
    throw new InvalidRequestError(
      "temperature",
      `Invalid request.temperature ${JSON.stringify(request.temperature)}: expected a number ≥ 0 or no value.`,
    );
  }
  if (!Array.isArray(request.messages) || !request.messages.some((message) => message?.role !== "system")) {
    throw new InvalidRequestError(
      "messages",
      "Invalid request.messages: expected an array with at least one user or assistant message.",
    );
  }
  request.messages.forEach(checkMessage);
}

function checkMessage(message: ProviderRequest["messages"][number], index: number): void {
  const field = `messages[${index}]`;
  if (!ROLES.has(message?.role)) {
    throw new InvalidRequestError(
      `${field}.role`,
      `Invalid request.${field}.role ${JSON.stringify(message?.role)}: expected system, user or assistant.`,
    );
  }
  if (typeof message.content === "string") return;
  if (!Array.isArray(message.content) || message.content.length === 0) {
    throw new InvalidRequestError(
      `${field}.content`,
      `Invalid request.${field}.content: expected a string or a non-empty array of text and image parts.`,
    );
  }

  message.content.forEach((part, partIndex) => {
    const partField = `${field}.content[${partIndex}]`;
    if (part?.type === "text" && typeof part.text === "string") return;
    if (part?.type === "image" && typeof part.data === "string" && typeof part.media_type === "string") {
      if (message.role === "user") return;
      throw new InvalidRequestError(
        partField,
        `Invalid request.${partField}: images are accepted in user messages only, not in ${message.role} messages.`,
      );
    }
    throw new InvalidRequestError(
      partField,
      `Invalid request.${partField}: expected {type:"text", text} or {type:"image", media_type, data}.`,
    );
  });
}
