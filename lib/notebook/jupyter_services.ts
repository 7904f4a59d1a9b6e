// The one place that imports @jupyterlab/services (pinned in deno.json): 7.x talks to Jupyter Server 1.23
// and uses Deno's global WebSocket, so no `ws` package is needed.
export { KernelManager, ServerConnection } from "@jupyterlab/services";
export type { Kernel } from "@jupyterlab/services";
