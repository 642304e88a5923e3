/**
 * Seeded pseudo-random numbers (mulberry32) for the simulator's data. Same seed, same sequence: the
 * simulator never reads Math.random or the clock while it builds a dataset.
 */

const XID_ALPHABET = "0123456789abcdefghijklmnopqrstuv";
const HEX: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

export class Rng {
  private state: number;
  private xidCounter: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
    this.xidCounter = 0;
    this.xidCounter = this.int(0, 0xffffff);
  }

  /** A generator for an independent stream, so adding draws to one part does not shift the others. */
  fork(label: string): Rng {
    return new Rng(hashString(label, this.state));
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) {
      throw new Error("pick from an empty list");
    }
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks by weight; weights need not add up to anything in particular. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, weight] of items) {
      total += weight;
    }
    let roll = this.next() * total;
    for (const [item, weight] of items) {
      roll -= weight;
      if (roll < 0) {
        return item;
      }
    }
    return (items[items.length - 1] as readonly [T, number])[0];
  }

  /** A few distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    this.shuffle(copy);
    return copy.slice(0, Math.min(count, copy.length));
  }

  shuffle<T>(items: T[]): void {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = items[i] as T;
      items[i] = items[j] as T;
      items[j] = tmp;
    }
  }

  hex(length: number): string {
    let out = "";
    while (out.length < length) {
      const v = Math.floor(this.next() * 4294967296);
      out += (HEX[v >>> 24] as string) + HEX[(v >>> 16) & 255] + HEX[(v >>> 8) & 255] + HEX[v & 255];
    }
    return out.length === length ? out : out.slice(0, length);
  }

  digits(length: number): string {
    let out = String(this.int(1, 9));
    for (let i = 1; i < length; i++) {
      out += String(this.int(0, 9));
    }
    return out;
  }

  /** A version-4 UUID. */
  uuid(): string {
    const h = this.hex(32);
    const variant = "89ab"[this.int(0, 3)];
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }

  /**
   * An ID in the shape of the `rs/xid` IDs NetBird uses for accounts, peers, groups and the like
   * (20 characters of base32hex, e.g. `ch8i4ug6lnn4g9hqv7l0`): seconds, 5 random bytes, a counter.
   */
  xid(timeMs: number): string {
    const bytes: number[] = [];
    const seconds = Math.floor(timeMs / 1000) >>> 0;
    bytes.push((seconds >>> 24) & 0xff, (seconds >>> 16) & 0xff, (seconds >>> 8) & 0xff, seconds & 0xff);
    for (let i = 0; i < 5; i++) {
      bytes.push(this.int(0, 255));
    }
    this.xidCounter = (this.xidCounter + 1) & 0xffffff;
    bytes.push((this.xidCounter >>> 16) & 0xff, (this.xidCounter >>> 8) & 0xff, this.xidCounter & 0xff);
    return encodeXid(bytes);
  }
}

/** Base32hex without padding, as `rs/xid` encodes its 12 bytes. */
export function encodeXid(bytes: readonly number[]): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += XID_ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) {
    out += XID_ALPHABET[(value << (5 - bits)) & 31];
  }
  return out;
}

/** FNV-1a over UTF-16 code units, mixed with a seed. */
export function hashString(text: string, seed = 0): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}
