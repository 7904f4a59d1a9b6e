import Anthropic from "@anthropic-ai/sdk";
import { GoogleGenAI } from "@google/genai";
import type { Endpoint, Message, ProviderName } from "../providers/types.ts";
import { countTokens, type TokenCount } from "./count_tokens.ts";

/**
 * Count the input tokens of `messages` for `model` with the provider's own endpoint where
 * one exists: Anthropic `messages.countTokens` and Gemini `models.countTokens`, both
 * served by the emulator too. The result is labelled `provider`. OpenAI and
 * OpenAI-compatible servers have no count endpoint, so they get the o200k estimate of
 * `countTokens`, labelled `estimate`. SDK errors (auth, unknown model) propagate.
 */
export async function countProviderTokens(
  provider: ProviderName,
  endpoint: Endpoint,
  model: string,
  messages: readonly Message[],
): Promise<TokenCount> {
  if (typeof model !== "string" || model === "") throw new RangeError("model must be a non-empty model name, e.g. gpt-4o");
  if (!Array.isArray(messages) || messages.length === 0) throw new RangeError("messages must be a non-empty array");
  const system = messages.filter((message) => message.role === "system").map(textOf).join("\n\n");
  const turns = messages.filter((message) => message.role !== "system");

  if (provider === "anthropic") {
    const client = new Anthropic({ apiKey: endpoint.apiKey, authToken: null, baseURL: endpoint.baseURL, maxRetries: 0 });
    const result = await client.messages.countTokens({
      model,
      ...(system === "" ? {} : { system }),
      messages: turns.map((message) => ({ role: message.role as "user" | "assistant", content: anthropicContent(message) })),
    });
    return { tokens: result.input_tokens, source: "provider" };
  }
  if (provider === "google") {
    // `vertexai: false` keeps GOOGLE_GENAI_USE_VERTEXAI from switching the backend.
    const client = new GoogleGenAI({ apiKey: endpoint.apiKey, vertexai: false, httpOptions: { baseUrl: endpoint.baseURL } });
    // NOTE: @google/genai 3.3.0 rejects `systemInstruction` in countTokens outside Vertex AI,
    // so the system text is counted as a leading user turn. Role framing may differ by a few tokens.
    const contents = turns.map(geminiContent);
    if (system !== "") contents.unshift({ role: "user", parts: [{ text: system }] });
    const result = await client.models.countTokens({ model, contents });
    if (typeof result.totalTokens !== "number") {
      throw new Error(`Gemini countTokens for ${model} returned no totalTokens`);
    }
    return { tokens: result.totalTokens, source: "provider" };
  }
  return countTokens(messages);
}

function textOf(message: Message): string {
  if (typeof message.content === "string") return message.content;
  return message.content.map((part) => (part.type === "text" ? part.text : "")).join("");
}

function anthropicContent(message: Message) {
  if (typeof message.content === "string") return message.content;
  return message.content.map((part) =>
    part.type === "text" ? { type: "text" as const, text: part.text } : {
      type: "image" as const,
      source: {
        type: "base64" as const,
        media_type: part.media_type as "image/png" | "image/jpeg" | "image/gif" | "image/webp",
        data: part.data,
      },
    }
  );
}

function geminiContent(message: Message) {
  const role = message.role === "assistant" ? "model" : "user";
  if (typeof message.content === "string") return { role, parts: [{ text: message.content }] };
  return {
    role,
    parts: message.content.map((part) =>
      part.type === "text" ? { text: part.text } : { inlineData: { mimeType: part.media_type, data: part.data } }
    ),
  };
}
