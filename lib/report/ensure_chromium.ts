/** Path of the browser that Debian's chromium package installs. */
export const CHROMIUM_PATH = "/usr/bin/chromium";
/** The command that installs it. */
export const CHROMIUM_INSTALL_COMMAND = "apt-get update && apt-get install -y chromium";

/** Whether Chromium is available, and why not when it is not. */
export type ChromiumStatus = { ok: true; path: string } | { ok: false; reason: string };

/**
 * Find Debian's Chromium, installing it with apt-get when it is missing and this process
 * runs as root. Returns the reason (with the install command) when it stays unavailable.
 */
export async function ensureChromium(): Promise<ChromiumStatus> {
  if (await isFile(CHROMIUM_PATH)) return { ok: true, path: CHROMIUM_PATH };
  if (Deno.uid() !== 0) {
    return { ok: false, reason: `Chromium is not installed and this user is not root. Fix: run "${CHROMIUM_INSTALL_COMMAND}" as root.` };
  }
  for (const args of [["update"], ["install", "-y", "--no-install-recommends", "chromium"]]) {
    const result = await new Deno.Command("apt-get", {
      args,
      env: { DEBIAN_FRONTEND: "noninteractive" },
      stdout: "piped",
      stderr: "piped",
    }).output().catch((error) => ({ success: false, stderr: new TextEncoder().encode(String(error)) }));
    if (!result.success) {
      const tail = new TextDecoder().decode(result.stderr).trim().split("\n").slice(-3).join(" ");
      return { ok: false, reason: `apt-get ${args.join(" ")} failed (${tail}). Fix: run "${CHROMIUM_INSTALL_COMMAND}" by hand.` };
    }
  }
  return (await isFile(CHROMIUM_PATH))
    ? { ok: true, path: CHROMIUM_PATH }
    : { ok: false, reason: `apt-get installed chromium but ${CHROMIUM_PATH} is missing. Fix: check the chromium package.` };
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await Deno.stat(path)).isFile;
  } catch {
    return false;
  }
}
