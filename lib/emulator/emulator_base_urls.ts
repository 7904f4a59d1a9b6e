/** Base URLs to give each official SDK so it talks to the emulator. */
export interface EmulatorBaseUrls {
  /** Base URL for `new OpenAI({ baseURL, apiKey })`, also used by OpenAI-compatible clients. */
  openai: string;
  /** Base URL for `new Anthropic({ baseURL, apiKey })`. */
  anthropic: string;
  /** Base URL for `new GoogleGenAI({ apiKey, httpOptions: { baseUrl } })`. */
  google: string;
}

/**
 * Returns the per-SDK base URLs for an emulator URL such as `http://127.0.0.1:8787`.
 * The OpenAI SDK appends paths like `/chat/completions` to its base URL, so it needs `/v1`.
 * The Anthropic and Gemini SDKs add their own version prefix (`/v1/`, `/v1beta/`).
 */
export function emulatorBaseUrls(url: string): EmulatorBaseUrls {
  if (typeof url !== "string" || !/^https?:\/\/[^/]+$/.test(url.replace(/\/$/, ""))) {
    throw new TypeError(`emulator url must look like http://127.0.0.1:PORT, got ${JSON.stringify(url)}`);
  }
  const root = url.replace(/\/$/, "");
  return { openai: `${root}/v1`, anthropic: root, google: root };
}
