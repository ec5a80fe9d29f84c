// The README's schema section names every column of the model (the model is the one source of the names).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TABLES } from '../../src/lib/model';

const readme = readFileSync('README.md', 'utf8');

describe('README schema', () => {
  for (const [table, columns] of Object.entries(TABLES))
    it(`${table}.parquet columns`, () => {
      expect(readme).toContain(`${table}.parquet`);
      for (const c of columns)
        if (!c.name.startsWith('prev_')) expect(readme, `${table}.${c.name}`).toContain(`\`${c.name}\``);
    });
});
