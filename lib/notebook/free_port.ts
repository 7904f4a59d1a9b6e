/**
 * Returns a TCP port on 127.0.0.1 that was free a moment ago. Another process can take it
 * before the caller binds it, so callers retry on "address already in use".
 */
export function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const { port } = listener.addr as Deno.NetAddr;
  listener.close();
  return port;
}
