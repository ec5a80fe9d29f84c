// The ingest's own SHA-256 (the ids of every document, in Node and in the browser) against node:crypto.
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sha256, sha256Hex } from '../../src/lib/ingest/sha256';

const node = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

describe('sha256Hex', () => {
  it('gives the standard digests of the FIPS examples', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('equals node:crypto on every length around the block and padding edges', () => {
    const bytes = randomBytes(300);
    for (let n = 0; n <= 300; n++) expect(sha256Hex(bytes.subarray(0, n))).toBe(node(bytes.subarray(0, n)));
  });

  it('equals node:crypto on random bytes and on text (UTF-8, CJK, astral, lone surrogates)', () => {
    for (let i = 0; i < 200; i++) {
      const b = randomBytes(1 + Math.floor(Math.random() * 5000));
      expect(sha256Hex(b)).toBe(node(b));
    }
    for (const s of ['公务接待费 19.75', '𠀀𪚥 emoji 😀', 'a\ud800b', 'x'.repeat(100_000), '\u0000\r\n']) {
      expect(sha256Hex(s)).toBe(node(Buffer.from(new TextEncoder().encode(s))));
      expect(sha256Hex(s)).toBe(node(s));
    }
  });

  it('equals node:crypto on the real documents, whole', () => {
    for (const f of [
      'data/disclosures/000_f7859c67d4b429b5.txt',
      'data/disclosures/shanghai/putuo-commerce-2025-dept-budget.pdf'
    ]) {
      const b = readFileSync(f);
      expect(sha256Hex(b)).toBe(node(b));
      expect(sha256Hex(b.toString('utf8'))).toBe(node(b.toString('utf8')));
    }
  });
});

describe("sha256 (the ingest's: the platform's own in Node, sha256Hex in a browser)", () => {
  it("uses Node's own here, and gives sha256Hex's digest on bytes and on text of every kind", () => {
    // the platform's hash is there: this test compares two implementations, not one with itself
    expect(typeof process.getBuiltinModule).toBe('function');
    for (let n = 0; n <= 200; n += 7) {
      const b = randomBytes(n * 13);
      expect(sha256(b)).toBe(sha256Hex(b));
    }
    const seed = readFileSync('data/disclosures/000_f7859c67d4b429b5.txt', 'utf8');
    for (const s of ['', '公务接待费 19.75', '𠀀𪚥 emoji 😀', 'a\ud800b', '\udfff', '\u0000\r\n', seed])
      expect(sha256(s)).toBe(sha256Hex(s));
  });
});
