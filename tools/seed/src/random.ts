// A seeded pseudo-random generator (sfc32) so that the same seed always yields the same data.
// Math.random is never used: a seed must reproduce a data set exactly, on any machine.

/** 32-bit string hash (FNV-1a with a final avalanche), used to turn seeds and labels into state. */
export function hash32(text: string, salt = 0): number {
  let h = (0x811c9dc5 ^ salt) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const HEX = '0123456789abcdef';
const BYTE_HEX = Array.from({ length: 256 }, (_, i) => HEX[i >>> 4]! + HEX[i & 15]!);

function hex32(word: number): string {
  return (
    BYTE_HEX[word >>> 24]! +
    BYTE_HEX[(word >>> 16) & 255]! +
    BYTE_HEX[(word >>> 8) & 255]! +
    BYTE_HEX[word & 255]!
  );
}

export class Random {
  readonly label: string;
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number | string) {
    this.label = String(seed);
    this.a = hash32(this.label, 1);
    this.b = hash32(this.label, 2);
    this.c = hash32(this.label, 3);
    this.d = hash32(this.label, 4);
    // The first outputs of sfc32 still resemble the seed words: throw them away.
    for (let i = 0; i < 12; i++) this.next32();
  }

  /**
   * An independent stream for one part of the data: adding a draw to the practitioners does not
   * shift every patient generated after them.
   */
  fork(part: string): Random {
    return new Random(`${this.label}/${part}`);
  }

  next32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next32() / 4294967296;
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    if (max < min) throw new RangeError(`int(${min}, ${max}): empty range`);
    return min + Math.floor(this.float() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.float() * items.length)] as T;
  }

  /** One value drawn in proportion to its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    if (!(total > 0)) throw new RangeError('weighted pick needs a positive total weight');
    let x = this.float() * total;
    for (const [value, weight] of entries) {
      x -= weight;
      if (x < 0) return value;
    }
    return entries[entries.length - 1]![0];
  }

  /** `count` distinct items in random order (all of them when there are fewer). */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    const n = Math.min(count, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.float() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy.slice(0, n);
  }

  digits(count: number): string {
    let s = '';
    for (let i = 0; i < count; i++) s += String(this.int(0, 9));
    return s;
  }

  /** A version-4 UUID made of this stream's bits, so ids are as reproducible as the rest. */
  uuid(): string {
    // Byte-wise lookups: seeding makes about a million of these, one nibble at a time was slow.
    const a = hex32(this.next32());
    const b = hex32(this.next32());
    const c = hex32(this.next32());
    const d = hex32(this.next32());
    const variant = HEX[(parseInt(c[0]!, 16) & 3) | 8]!;
    return `${a}-${b.slice(0, 4)}-4${b.slice(5)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
  }
}
