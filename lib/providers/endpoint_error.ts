/** No endpoint can serve a provider: its API key is missing in "real" mode, or no emulator URL was given. */
export class EndpointError extends Error {
  constructor(message: string, readonly provider: string) {
    super(message);
    this.name = "EndpointError";
  }
}
