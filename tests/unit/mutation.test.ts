// Mutation test of the audit (issue 9): one digit changed, or a decimal point moved, in one amount of the
// real sample and of clean generated documents (seeded: every run tries the same mutants). Of the mutants
// that change what the ingest stores (a figure, a line item, a project), at most 3% may pass with no new
// finding, no new reason and an unchanged status; the rest of those are figures stated only once (README).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../src/lib/generate/index';
import { amountsOf, mutateToken, mutationRun, rng, silentByKind, type Outcome } from './helpers/mutation';

const ROOT = resolve(import.meta.dirname, '../..');
const SAMPLE = 'data/disclosures/000_f7859c67d4b429b5.txt';

/** Kinds that no check can catch: each is stated once in the document (listed in the README). */
const STATED_ONCE = /^(?:表- assets\/value|narrative prev_|narrative vehicles_count|prev_)/;

function summary(name: string, o: Outcome[]) {
  const changed = o.filter((x) => x.changed).length;
  const silent = o.filter((x) => x.silent);
  console.log(
    `${name}: ${o.length} mutants, ${changed} changed what is stored, ${silent.length} silent ` +
      `(${((100 * silent.length) / Math.max(1, changed)).toFixed(1)}%) ${JSON.stringify(silentByKind(o))}`
  );
  return { changed, silent };
}

describe('mutation helpers', () => {
  it('finds amounts, not years, codes or list markers', () => {
    const t = '2023 年预算 468.53 万元；201 一般公共服务支出 388.11；1.负责；在职 11 人，车辆 5辆';
    expect(amountsOf(t).map((a) => a.token)).toEqual(['468.53', '388.11', '11', '5']);
  });
  it('changes one digit or moves the decimal point, deterministically', () => {
    const r1 = rng(7);
    const r2 = rng(7);
    const a = Array.from({ length: 20 }, () => mutateToken('468.53', r1));
    const b = Array.from({ length: 20 }, () => mutateToken('468.53', r2));
    expect(a).toEqual(b);
    for (const m of a.filter((x): x is string => x !== null)) {
      expect(m).not.toBe('468.53');
      const sameDigits = m.replace('.', '') === '46853';
      const oneDigit = m.length === 6 && [...m].filter((c, i) => c !== '468.53'[i]).length === 1;
      expect(sameDigits || oneDigit, m).toBe(true);
    }
  });
});

describe('single-number mutations', () => {
  it('≤ 3% of the mutants that change a stored figure pass without a finding', () => {
    const text = readFileSync(join(ROOT, SAMPLE), 'utf8');
    const all: Outcome[] = [];
    const sample = mutationRun(text, SAMPLE, 300, 1);
    summary('sample', sample);
    all.push(...sample);
    const docs = [
      ...generateCorpus({
        units: 4,
        firstYear: 2022,
        lastYear: 2024,
        seed: 'mutation',
        inconsistencyRate: 0
      })
    ]
      .filter((d) => !d.pdf)
      .filter((_, i) => i % 2 === 0)
      .slice(0, 4);
    for (const [i, d] of docs.entries()) {
      const o = mutationRun(d.text, d.file, 80, 10 + i);
      summary(d.file, o);
      all.push(...o);
    }
    const { changed, silent } = summary('all', all);
    expect(changed).toBeGreaterThan(300);
    expect(silent.length / changed).toBeLessThanOrEqual(0.03);
    // what passes is a figure stated once; anything else is a check missing
    expect(
      silent.filter((s) => !STATED_ONCE.test(s.kind!)).map((s) => `${s.kind}: ${s.from}→${s.to}`)
    ).toEqual([]);
  }, 120_000);
});
