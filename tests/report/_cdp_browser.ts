/**
 * Test helper: starts Debian's headless Chromium with the project's flags and drives one
 * page over the DevTools protocol (a WebSocket on 127.0.0.1), recording every network
 * request, console error, uncaught exception and dialog the page causes.
 */
import { CHROMIUM_FLAGS } from "../../lib/report/chromium_flags.ts";
import { ensureChromium } from "../../lib/report/ensure_chromium.ts";

/** Chromium's path, or why the browser tests are skipped. */
export const CHROMIUM = await ensureChromium();

/** What a page did while it loaded. */
export interface PageRecord {
  requests: string[];
  consoleErrors: string[];
  dialogs: string[];
}

/** One page in a fresh headless Chromium. */
export interface BrowserPage {
  record: PageRecord;
  /** Load a URL and wait for the load event. */
  open(url: string): Promise<void>;
  /** Evaluate an expression in the page and return its value. */
  evaluate<T>(expression: string): Promise<T>;
  /** PNG of the viewport. */
  screenshot(): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** Start Chromium (which must be available, see {@link CHROMIUM}) and open a 1280×900 page. */
export async function openBrowser(): Promise<BrowserPage> {
  if (!CHROMIUM.ok) throw new Error(CHROMIUM.reason);
  const profile = await Deno.makeTempDir({ prefix: "report-test-chromium-" });
  const child = new Deno.Command(CHROMIUM.path, {
    args: [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`, "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "about:blank"],
    stdout: "null",
    stderr: "piped",
  }).spawn();
  const endpoint = await devtoolsEndpoint(child.stderr);
  const socket = new WebSocket(endpoint);
  await new Promise((resolve, reject) => {
    socket.onopen = resolve;
    socket.onerror = () => reject(new Error(`cannot connect to ${endpoint}`));
  });
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const listeners: ((method: string, params: Record<string, unknown>) => void)[] = [];
  socket.onmessage = (event) => {
    const message = JSON.parse(event.data);
    if (message.id !== undefined) {
      const waiter = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) waiter?.reject(new Error(JSON.stringify(message.error)));
      else waiter?.resolve(message.result);
    } else for (const listen of listeners) listen(message.method, message.params ?? {});
  };
  // deno-lint-ignore no-explicit-any
  const send = (method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<any> => {
    const id = nextId++;
    socket.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    return new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
  };

  const { targetId } = await send("Target.createTarget", { url: "about:blank" });
  const { sessionId } = await send("Target.attachToTarget", { targetId, flatten: true });
  const record: PageRecord = { requests: [], consoleErrors: [], dialogs: [] };
  listeners.push((method, params) => {
    if (method === "Network.requestWillBeSent") record.requests.push(String((params.request as { url: string }).url));
    if (method === "Runtime.consoleAPICalled" && params.type === "error") record.consoleErrors.push(JSON.stringify(params.args));
    if (method === "Runtime.exceptionThrown") record.consoleErrors.push(JSON.stringify(params.exceptionDetails));
    if (method === "Log.entryAdded" && (params.entry as { level: string }).level === "error") {
      record.consoleErrors.push(String((params.entry as { text: string }).text));
    }
    if (method === "Page.javascriptDialogOpening") {
      record.dialogs.push(String(params.message));
      send("Page.handleJavaScriptDialog", { accept: false }, sessionId).catch(() => {});
    }
  });
  for (const domain of ["Page", "Network", "Runtime", "Log"]) await send(`${domain}.enable`, {}, sessionId);
  await send("Emulation.setDeviceMetricsOverride", { width: 1280, height: 900, deviceScaleFactor: 1, mobile: false }, sessionId);

  return {
    record,
    async open(url) {
      const loaded = new Promise<void>((resolve) => listeners.push((method) => method === "Page.loadEventFired" && resolve()));
      await send("Page.navigate", { url }, sessionId);
      await loaded;
    },
    async evaluate<T>(expression: string) {
      const { result } = await send("Runtime.evaluate", { expression, returnByValue: true }, sessionId);
      return result.value as T;
    },
    async screenshot() {
      const { data } = await send("Page.captureScreenshot", { format: "png" }, sessionId);
      return Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    },
    async close() {
      await send("Browser.close").catch(() => {});
      socket.close();
      try {
        child.kill("SIGKILL");
      } catch {
        // NOTE: Browser.close usually ends the process first.
      }
      await child.status;
      await Deno.remove(profile, { recursive: true }).catch(() => {});
    },
  };
}

async function devtoolsEndpoint(stderr: ReadableStream<Uint8Array>): Promise<string> {
  const reader = stderr.pipeThrough(new TextDecoderStream()).getReader();
  let seen = "";
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const { value, done } = await reader.read();
    if (done) break;
    seen += value;
    const match = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
    if (match) {
      // Keep draining stderr so Chromium never blocks on a full pipe.
      (async () => {
        while (!(await reader.read()).done) { /* discard */ }
      })().catch(() => {});
      return match[1];
    }
  }
  throw new Error(`Chromium printed no DevTools endpoint: ${seen.slice(-500)}`);
}
