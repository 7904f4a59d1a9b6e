import { findJupyter, type JupyterCommand } from "./find_jupyter.ts";
import { aptInstallCommand, installJupyter, JUPYTER_DEBIAN_PACKAGES } from "./install_jupyter.ts";
import { JupyterMissingError } from "./jupyter_missing_error.ts";

/**
 * Returns a Jupyter Server command, installing Debian's Jupyter packages first when none is
 * found and the process runs as root. `onInstall` is called before installing, so a CLI can
 * log why it is waiting.
 *
 * Throws `JupyterMissingError` with the install command when Jupyter is missing and cannot be
 * installed here.
 */
export async function ensureJupyter(onInstall: (packages: string[]) => void = () => {}): Promise<JupyterCommand> {
  const found = await findJupyter();
  if (found !== undefined) return found;

  onInstall(JUPYTER_DEBIAN_PACKAGES);
  await installJupyter(JUPYTER_DEBIAN_PACKAGES);
  const installed = await findJupyter();
  if (installed === undefined) {
    throw new JupyterMissingError(
      "Jupyter Server",
      aptInstallCommand(JUPYTER_DEBIAN_PACKAGES),
      "apt-get finished but /usr/bin/python3 -m jupyter_server still does not start",
    );
  }
  return installed;
}
