// The export's ZIP writer: `unzip` (Info-ZIP) lists and extracts what it wrote, byte for byte, CRCs checked.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crc32, zipStored } from '../../src/lib/components/zip';

describe('zipStored', () => {
  it('gives the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('writes an archive unzip tests and extracts byte for byte', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-zip-'));
    try {
      const files = new Map<string, Uint8Array>([
        ['disclosures.parquet', new Uint8Array(5000).map((_, i) => (i * 31) % 256)],
        ['manifest.json', new TextEncoder().encode('{"单位":"示例局"}\n')],
        ['empty.txt', new Uint8Array(0)]
      ]);
      writeFileSync(join(dir, 'a.zip'), zipStored(files));
      execFileSync('unzip', ['-tq', 'a.zip'], { cwd: dir });
      execFileSync('unzip', ['-q', 'a.zip', '-d', 'out'], { cwd: dir });
      for (const [name, bytes] of files)
        expect(new Uint8Array(readFileSync(join(dir, 'out', name)))).toEqual(bytes);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
