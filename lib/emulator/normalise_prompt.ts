import { createHash } from "node:crypto";
import type { Message } from "../providers/types.ts";
import { EmulatorRequestError } from "./emulator_request_error.ts";

/** A request body in one provider's shape, or a dataset item's messages. */
export type PromptSource =
  | { format: "openai"; body: unknown }
  | { format: "anthropic"; body: unknown }
  | { format: "gemini"; body: unknown }
  | { format: "dataset"; messages: readonly Message[] };

/** The provider-neutral content of a prompt. */
export interface NormalisedPrompt {
  /** Hex SHA-256 of the normalised text and image data, equal for the same prompt in every shape. */
  key: string;
  /** Text segments as sent, system text first. Token counts use these. */
  texts: string[];
  /** Base64 data of each image (or its URL when sent by reference), in order. */
  images: string[];
}

type Segment = { system: boolean; text: string } | { system: boolean; image: string };

/**
 * Normalises a prompt so the same messages map to the same key whichever SDK shape they
 * arrive in. Roles are dropped, system text moves first, and whitespace runs collapse to
 * one space, so adapters may join or split text blocks differently. Images count by
 * their data, in order, and data URLs lose their `data:<type>;base64,` prefix.
 */
export function normalisePrompt(source: PromptSource): NormalisedPrompt {
  const segments = collectSegments(source);
  const ordered = [...segments.filter((s) => s.system), ...segments.filter((s) => !s.system)];
  const texts = ordered.flatMap((s) => ("text" in s ? [s.text] : []));
  const images = ordered.flatMap((s) => ("image" in s ? [s.image] : []));

  const normalisedText = texts.join(" ").replace(/\s+/g, " ").trim();
  const hash = createHash("sha256").update(`text:${normalisedText}`);
  for (const image of images) hash.update(`\u0000image:${image.replace(/\s+/g, "")}`);
  return { key: hash.digest("hex"), texts, images };
}

function collectSegments(source: PromptSource): Segment[] {
  switch (source.format) {
    case "openai":
      return openaiSegments(source.body);
    case "anthropic":
      return anthropicSegments(source.body);
    case "gemini":
      return geminiSegments(source.body);
    case "dataset":
      return datasetSegments(source.messages);
  }
}

function openaiSegments(body: unknown): Segment[] {
  const messages = requireArray(field(body, "messages"), "messages");
  return messages.flatMap((message, index) => {
    const role = field(message, "role");
    const system = role === "system" || role === "developer";
    const content = field(message, "content");
    if (content === undefined || content === null) return [];
    if (typeof content === "string") return [{ system, text: content }];
    return requireArray(content, `messages[${index}].content`).flatMap((part): Segment[] => {
      const type = field(part, "type");
      if (type === "text") return [{ system, text: String(field(part, "text") ?? "") }];
      if (type === "image_url") {
        const url = String(field(field(part, "image_url"), "url") ?? "");
        return [{ system, image: stripDataUrl(url) }];
      }
      return [];
    });
  });
}

function anthropicSegments(body: unknown): Segment[] {
  const segments: Segment[] = [];
  const system = field(body, "system");
  if (typeof system === "string") segments.push({ system: true, text: system });
  else if (Array.isArray(system)) segments.push(...anthropicBlocks(system, true));

  const messages = requireArray(field(body, "messages"), "messages");
  messages.forEach((message, index) => {
    const content = field(message, "content");
    if (typeof content === "string") segments.push({ system: false, text: content });
    else segments.push(...anthropicBlocks(requireArray(content, `messages[${index}].content`), false));
  });
  return segments;
}

function anthropicBlocks(blocks: unknown[], system: boolean): Segment[] {
  return blocks.flatMap((block): Segment[] => {
    const type = field(block, "type");
    if (type === "text") return [{ system, text: String(field(block, "text") ?? "") }];
    if (type === "image") {
      const source = field(block, "source");
      const image = field(source, "type") === "url" ? field(source, "url") : field(source, "data");
      return [{ system, image: String(image ?? "") }];
    }
    return [];
  });
}

function geminiSegments(body: unknown): Segment[] {
  const segments: Segment[] = [];
  const instruction = field(body, "systemInstruction") ?? field(body, "system_instruction");
  if (typeof instruction === "string") segments.push({ system: true, text: instruction });
  else if (instruction !== undefined && instruction !== null) segments.push(...geminiParts(instruction, true));

  const contents = requireArray(field(body, "contents"), "contents");
  for (const content of contents) segments.push(...geminiParts(content, false));
  return segments;
}

function geminiParts(content: unknown, system: boolean): Segment[] {
  const parts = field(content, "parts");
  if (!Array.isArray(parts)) return [];
  return parts.flatMap((part): Segment[] => {
    if (field(part, "thought") === true) return [];
    const text = field(part, "text");
    if (typeof text === "string") return [{ system, text }];
    const inline = field(part, "inlineData") ?? field(part, "inline_data");
    if (inline !== undefined) return [{ system, image: String(field(inline, "data") ?? "") }];
    const file = field(part, "fileData") ?? field(part, "file_data");
    if (file !== undefined) return [{ system, image: String(field(file, "fileUri") ?? field(file, "file_uri") ?? "") }];
    return [];
  });
}

function datasetSegments(messages: readonly Message[]): Segment[] {
  return messages.flatMap((message): Segment[] => {
    const system = message.role === "system";
    if (typeof message.content === "string") return [{ system, text: message.content }];
    return message.content.map((part) =>
      part.type === "text" ? { system, text: part.text } : { system, image: part.data }
    );
  });
}

function stripDataUrl(url: string): string {
  const match = url.match(/^data:[^,]*;base64,(.*)$/s);
  return match ? match[1] : url;
}

function field(value: unknown, name: string): unknown {
  if (value === null || typeof value !== "object") return undefined;
  return (value as Record<string, unknown>)[name];
}

function requireArray(value: unknown, name: string): unknown[] {
  if (Array.isArray(value)) return value;
  throw new EmulatorRequestError("invalid_request", `${name} must be an array, got ${describe(value)}`, {
    param: name,
  });
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing (the field is missing)";
  if (value === null) return "null";
  return Array.isArray(value) ? "an array" : typeof value;
}
