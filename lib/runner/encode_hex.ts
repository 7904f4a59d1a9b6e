/** Encodes bytes as lowercase hexadecimal. */
export function encodeHex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, "0")).join("");
}
