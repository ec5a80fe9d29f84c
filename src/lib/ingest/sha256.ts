// SHA-256 (FIPS 180-4) in plain TypeScript, synchronous, for Node and the browser alike: the ids the ingest
// gives (doc_id, unit_id) and the manifest's file hashes must be the same bytes wherever a document is read,
// and the parser is synchronous, which the Web Crypto API is not. tests/unit/sha256.test.ts checks it against
// node:crypto.

// as signed 32-bit words (the same bits): the rounds then stay in small integers, never heap numbers
const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2
]);

const INIT = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

const encoder = new TextEncoder();
const w = new Int32Array(64);

/** Process the 64-byte blocks of `b` from `at` (a multiple of 64 bytes long) into the state `h`. */
function blocks(h: Uint32Array, b: Uint8Array, at: number, end: number): void {
  for (let p = at; p < end; p += 64) {
    for (let i = 0; i < 16; i++) {
      const q = p + i * 4;
      w[i] = (b[q] << 24) | (b[q + 1] << 16) | (b[q + 2] << 8) | b[q + 3];
    }
    for (let i = 16; i < 64; i++) {
      const x = w[i - 15];
      const y = w[i - 2];
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
    }
    let a = h[0] | 0,
      bb = h[1] | 0,
      c = h[2] | 0,
      d = h[3] | 0,
      e = h[4] | 0,
      f = h[5] | 0,
      g = h[6] | 0,
      hh = h[7] | 0;
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const ch = (e & f) ^ (~e & g);
      const t1 = (hh + S1 + ch + K[i] + w[i]) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const maj = (a & bb) ^ (a & c) ^ (bb & c);
      const t2 = (S0 + maj) | 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = bb;
      bb = a;
      a = (t1 + t2) | 0;
    }
    h[0] += a;
    h[1] += bb;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += hh;
  }
}

/** The SHA-256 digest of bytes, or of a string's UTF-8 bytes, as lowercase hex. */
export function sha256Hex(input: Uint8Array | string): string {
  const bytes = typeof input === 'string' ? encoder.encode(input) : input;
  const h = new Uint32Array(INIT);
  const full = bytes.length - (bytes.length % 64);
  blocks(h, bytes, 0, full);
  // the last partial block, the 0x80 marker and the length in bits (big-endian, 64 bits)
  const restLen = bytes.length - full;
  const tail = new Uint8Array(restLen + 9 <= 64 ? 64 : 128);
  tail.set(bytes.subarray(full));
  tail[restLen] = 0x80;
  const bits = bytes.length * 8;
  const view = new DataView(tail.buffer);
  view.setUint32(tail.length - 8, Math.floor(bits / 0x1_0000_0000));
  view.setUint32(tail.length - 4, bits >>> 0);
  blocks(h, tail, 0, tail.length);
  let out = '';
  for (let i = 0; i < 8; i++) out += h[i].toString(16).padStart(8, '0');
  return out;
}

interface Hash {
  update(data: Uint8Array | string): Hash;
  digest(encoding: 'hex'): string;
}
type Platform = { process?: { getBuiltinModule?: (id: string) => { createHash?: (alg: string) => Hash } } };
// Node's own SHA-256 where the platform hands it over synchronously without an import (Node's
// process.getBuiltinModule; a browser has none): the same digest as sha256Hex, about 8× faster on a document.
const nativeHash = (globalThis as Platform).process?.getBuiltinModule?.('node:crypto')?.createHash;

/** The SHA-256 digest of bytes or of a string's UTF-8 bytes, as lowercase hex: the platform's own where it has
 *  one (Node), else sha256Hex (the browser). tests/unit/sha256.test.ts checks that both give the same. */
export function sha256(input: Uint8Array | string): string {
  return nativeHash ? nativeHash('sha256').update(input).digest('hex') : sha256Hex(input);
}
