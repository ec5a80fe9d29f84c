// The controls' pure parts: the unit search's matches and arrow-key movement, and which URL writes replace
// the history entry (a keyboard run through a select) or add one (a deliberate change).
import { describe, expect, it } from 'vitest';
import { searchUnits, stepIndex, MAX_MATCHES } from '../../src/lib/components/unitSearch';
import { entryPolicy } from '../../src/lib/state/intent';
import type { UnitOption } from '../../src/lib/db/facets';

const unit = (id: string, name: string | null): UnitOption =>
  ({ unit_id: id, unit_name: name, first_year: 2023, last_year: 2023, docs: 1 }) as UnitOption;

describe('unit search', () => {
  const units = [
    unit('a1', '示例市财政局'),
    unit('b2', '示例市教育局'),
    unit('c3', null),
    unit('d4', 'Port Office')
  ];

  it('matches names and ids, case-insensitively, without the chosen units', () => {
    expect(searchUnits(units, [], '教育').map((u) => u.unit_id)).toEqual(['b2']);
    expect(searchUnits(units, [], 'C3').map((u) => u.unit_id)).toEqual(['c3']);
    expect(searchUnits(units, [], 'port').map((u) => u.unit_id)).toEqual(['d4']);
    expect(searchUnits(units, ['a1'], '示例市').map((u) => u.unit_id)).toEqual(['b2']);
    expect(searchUnits(units, ['b2'], '').map((u) => u.unit_id)).toEqual(['a1', 'c3', 'd4']);
  });

  it('lists at most MAX_MATCHES', () => {
    const many = Array.from({ length: 100 }, (_, i) => unit(`u${i}`, `单位${i}`));
    expect(searchUnits(many, [], '单位')).toHaveLength(MAX_MATCHES);
  });

  it('moves the highlight with the arrows, from none to the first or last, wrapping', () => {
    expect(stepIndex(-1, 3, 1)).toBe(0);
    expect(stepIndex(-1, 3, -1)).toBe(2);
    expect(stepIndex(0, 3, 1)).toBe(1);
    expect(stepIndex(2, 3, 1)).toBe(0);
    expect(stepIndex(0, 3, -1)).toBe(2);
    expect(stepIndex(0, 0, 1)).toBe(-1);
  });
});

describe('history entries', () => {
  const select = { name: 'year' };
  const other = { name: 'metric' };

  it('a keyboard run through one select pushes once, then replaces', () => {
    const p = entryPolicy();
    const steps: boolean[] = [];
    for (let i = 0; i < 3; i++) {
      p.keydown(select, 'ArrowDown');
      steps.push(p.change(select));
      p.keyup();
    }
    expect(steps).toEqual([false, true, true]);
  });

  it('a deliberate change (no browse key held) always pushes, and ends a run', () => {
    const p = entryPolicy();
    p.keydown(select, 'ArrowDown');
    expect(p.change(select)).toBe(false);
    p.keyup();
    expect(p.change(select)).toBe(false);
    p.keydown(select, 'ArrowDown');
    expect(p.change(select)).toBe(false);
  });

  it('the run ends when the focus leaves, on Enter, on the pointer, and on another control', () => {
    const p = entryPolicy();
    const run = () => {
      p.keydown(select, 'ArrowUp');
      const r = p.change(select);
      p.keyup();
      return r;
    };
    run();
    p.end(select);
    expect(run()).toBe(false);
    p.keydown(select, 'Enter');
    expect(run()).toBe(false);
    p.end();
    expect(run()).toBe(false);
    p.keydown(other, 'ArrowDown');
    expect(p.change(other)).toBe(false);
    expect(run()).toBe(false);
    // focus leaving some other element does not end this run
    p.end(other);
    expect(run()).toBe(true);
  });
});
