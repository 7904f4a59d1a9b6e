/**
 * Polls `GET <url>api/status` with the token until the server responds with 200. Rejects when
 * `timeoutMs` passes, when it responds with 403 (wrong token), or when `exited` settles
 * first (the server process ended).
 */
export async function waitForJupyterServer(
  url: string,
  token: string,
  timeoutMs: number,
  exited?: Promise<unknown>,
): Promise<void> {
  if (!/^https?:\/\/.+\/$/.test(url)) {
    throw new Error(`waitForJupyterServer: url ${JSON.stringify(url)} must be an http(s) URL ending in "/"`);
  }
  let processEnded = false;
  exited?.then(() => processEnded = true, () => processEnded = true);
  const deadline = Date.now() + timeoutMs;
  let lastProblem = "no response yet";

  while (Date.now() < deadline) {
    if (processEnded) throw new Error(`Jupyter Server at ${url} exited before it responded (${lastProblem})`);
    try {
      const response = await fetch(new URL("api/status", url), {
        headers: { Authorization: `token ${token}` },
        signal: AbortSignal.timeout(2_000),
      });
      await response.body?.cancel();
      if (response.ok) return;
      if (response.status === 403) {
        throw new Error(
          `Jupyter Server at ${url} rejected the token (HTTP 403); pass the token the server printed with --token`,
        );
      }
      lastProblem = `HTTP ${response.status}`;
    } catch (error) {
      if ((error as Error).message.includes("rejected the token")) throw error;
      lastProblem = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Jupyter Server at ${url} did not respond within ${timeoutMs} ms (${lastProblem})`);
}
