// A small seeded pseudo-random source (sfc32 seeded from a string hash). The generator never uses
// Math.random, so the same seed always gives the same documents.

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [lo, hi] inclusive. */
  int(lo: number, hi: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** exp(N(mu, sigma)). */
  lognormal(mu: number, sigma: number): number;
  /** A new independent source derived from this seed and a label (so adding draws in one place does not shift another). */
  fork(label: string): Random;
}

/** 32-bit FNV-1a-style mix of a string into four seed words. */
function hashSeed(text: string): [number, number, number, number] {
  const words: number[] = [];
  for (let k = 0; k < 4; k++) {
    let h = (0x811c9dc5 ^ (k * 0x9e3779b9)) >>> 0;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d) >>> 0;
    h ^= h >>> 12;
    words.push(h >>> 0);
  }
  return words as [number, number, number, number];
}

export function createRandom(seed: string | number): Random {
  const seedText = String(seed);
  let [a, b, c, d] = hashSeed(seedText);
  const nextU32 = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) nextU32();

  const next = () => nextU32() / 4294967296;
  const random: Random = {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)],
    normal: () => {
      const u = 1 - next();
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    lognormal: (mu, sigma) => Math.exp(mu + sigma * random.normal()),
    fork: (label) => createRandom(`${seedText}/${label}`)
  };
  return random;
}
