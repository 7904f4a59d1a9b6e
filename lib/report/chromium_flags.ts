/**
 * Flags every headless Chromium start uses: no sandbox (root in a container), no GPU, and
 * no background traffic (component updates, sync, QUIC), so the browser never reaches out
 * to the network. A fresh `--user-data-dir` must be added per start.
 */
export const CHROMIUM_FLAGS: readonly string[] = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
