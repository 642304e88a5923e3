/**
 * NetBird personal access tokens: `nbp_` + a 30-character secret + the base62 CRC32 of the secret,
 * left-padded with `0` to 6 characters; 40 characters in all. The server checks length, prefix and
 * checksum, then looks the token up by its SHA-256.
 */
import { createHash } from "node:crypto";

export const PAT_PREFIX = "nbp_";
export const PAT_SECRET_LENGTH = 30;
export const PAT_CHECKSUM_LENGTH = 6;
export const PAT_LENGTH = PAT_PREFIX.length + PAT_SECRET_LENGTH + PAT_CHECKSUM_LENGTH;

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

const CRC_TABLE: Uint32Array = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) {
      c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    }
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE), as Go's `crc32.ChecksumIEEE`. */
export function crc32(data: string | Uint8Array): number {
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** NetBird's `base62.Encode` (alphabet 0-9, A-Z, a-z). */
export function base62Encode(value: number): string {
  let num = value >>> 0;
  if (num === 0) {
    return "0";
  }
  let out = "";
  while (num > 0) {
    out = BASE62[num % 62] + out;
    num = Math.floor(num / 62);
  }
  return out;
}

/** NetBird's `base62.Decode`, including its uint32 wrap-around; undefined for a character outside the alphabet. */
export function base62Decode(text: string): number | undefined {
  let value = 0n;
  for (let i = 0; i < text.length; i++) {
    const index = BASE62.indexOf(text[i] as string);
    if (index < 0) {
      return undefined;
    }
    value = (value + BigInt(index) * 62n ** BigInt(text.length - i - 1)) & 0xffffffffn;
  }
  return Number(value);
}

export function patChecksum(secret: string): string {
  return base62Encode(crc32(secret)).padStart(PAT_CHECKSUM_LENGTH, "0");
}

/** A well-formed PAT for a 30-character secret (letters and digits). */
export function makePat(secret30: string): string {
  if (secret30.length !== PAT_SECRET_LENGTH || !/^[0-9A-Za-z]+$/.test(secret30)) {
    throw new Error(`a PAT secret is ${PAT_SECRET_LENGTH} letters or digits`);
  }
  return PAT_PREFIX + secret30 + patChecksum(secret30);
}

export type PatProblem = "length" | "prefix" | "checksum";

/** Why the server would reject the token's format, or undefined when it is well-formed. */
export function patFormatProblem(token: string): PatProblem | undefined {
  if (token.length !== PAT_LENGTH) {
    return "length";
  }
  if (!token.startsWith(PAT_PREFIX)) {
    return "prefix";
  }
  const secret = token.slice(PAT_PREFIX.length, PAT_PREFIX.length + PAT_SECRET_LENGTH);
  const checksum = base62Decode(token.slice(PAT_PREFIX.length + PAT_SECRET_LENGTH));
  if (checksum === undefined || checksum !== crc32(secret)) {
    return "checksum";
  }
  return undefined;
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
