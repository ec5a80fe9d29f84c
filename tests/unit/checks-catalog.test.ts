// Every check id the ingest can write is named in the model's catalog (zh and en), and none is unused.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHECK_IDS, checkLabel } from '../../src/lib/model';

const dir = 'src/lib/ingest';
const source = readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => readFileSync(`${dir}/${f}`, 'utf8'))
  .join('\n');
const emitted = new Set(
  [...source.matchAll(/(?:check:|\.add\(|\.equal\(|compareSides\(\s*f,)\s*'([a-z_]+)'/g)].map((m) => m[1])
);

describe('checks catalog', () => {
  it('names every emitted check', () => {
    expect(emitted.size).toBeGreaterThan(20);
    for (const id of emitted) expect(CHECK_IDS, id).toContain(id);
  });
  it('lists no check the ingest never emits', () => {
    for (const id of CHECK_IDS) expect([...emitted], id).toContain(id);
  });
  it('labels in both languages, falling back to the id', () => {
    expect(checkLabel('tree_sum')).toBe('上级科目 = 下级科目之和');
    expect(checkLabel('tree_sum', 'en')).toMatch(/Parent/);
    expect(checkLabel('nope')).toBe('nope');
  });
});
