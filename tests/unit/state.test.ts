import { ROW_LIMIT_CHOICES } from '../../src/lib/db/docs';
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { EXECUTION_FIGURES } from '../../src/lib/db/execution';
import {
  FIELDS,
  MAX_LIST,
  STATE_SCHEMAS,
  VIEWS,
  VIEW_FIELDS,
  canonicalState,
  parseState,
  serializeState,
  queryString,
  readLang,
  withLang,
  type View,
  type ViewState
} from '../../src/lib/state';
import { AMOUNT_METRICS, METRIC_IDS, DENOMINATORS, PEER_GROUPS, SPLIT_IDS } from '../../src/lib/db/metrics';
import { rng } from './helpers/rng';

const qs = (s: string) => new URLSearchParams(s);

const SAMPLE_TEXT = ['示例市', '示例市临江区', '市级', '区县级', '教育', '行政', '卫生（含计生）'];
const SAMPLE_IDS = ['u1', 'a1b2c3d4e5f60718', 'unit_9', 'X-2'];
const CHECKS = ['three_public_sum', 'income_equals_expenditure', 'tree_sum'];

function randomValue(name: keyof typeof FIELDS, r: () => number, view?: View): unknown {
  const pickOne = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const some = <T>(xs: readonly T[]) => xs.filter(() => r() < 0.5);
  switch (name) {
    case 'kind':
      return pickOne(['budget', 'final']);
    case 'regions':
    case 'levels':
    case 'categories':
      return some(SAMPLE_TEXT);
    case 'units':
      return some(SAMPLE_IDS);
    case 'sources':
      return some(['published', 'synthetic']);
    case 'year':
    case 'from':
    case 'to':
      return 2015 + Math.floor(r() * 10);
    case 'years':
      return some([2019, 2020, 2021, 2022, 2023, 2024]);
    case 'metric':
      // per-capita divides amounts only; execution takes the figures a 决算 states beside its 年初预算
      return pickOne(
        view === 'percapita'
          ? AMOUNT_METRICS.map((m) => m.id)
          : view === 'execution'
            ? [...EXECUTION_FIGURES]
            : METRIC_IDS
      );
    case 'order':
      return pickOne(['asc', 'desc']);
    case 'top':
      return 1 + Math.floor(r() * 30);
    case 'limit':
      return pickOne(ROW_LIMIT_CHOICES);
    case 'split':
      return pickOne(SPLIT_IDS);
    case 'per':
      return pickOne(DENOMINATORS);
    case 'peers':
      return pickOne(PEER_GROUPS);
    case 'unit':
      return pickOne(SAMPLE_IDS);
    case 'severities':
      return some(['error', 'warning', 'info']);
    case 'checks':
      return some(CHECKS);
    case 'sort':
      return pickOne(['severity', 'amount']);
    case 'page':
      return 1 + Math.floor(r() * 20);
    case 'q':
      return pickOne(["SELECT * FROM disclosures WHERE unit_name = '示例市'", 'select 1 & 2', 'a=b#c?d']);
  }
}

function randomState(view: View, r: () => number): ViewState<View> {
  const s: Record<string, unknown> = {};
  for (const name of VIEW_FIELDS[view]) if (r() < 0.6) s[name] = randomValue(name, r, view);
  return canonicalState(view, s as ViewState<View>);
}

describe('URL state: round trip', () => {
  it('parse(serialize(s)) deep-equals s for 300 random canonical states of every view', () => {
    const r = rng(42);
    for (const view of VIEWS) {
      for (let i = 0; i < 300; i++) {
        const s = randomState(view, r);
        expect(v.safeParse(STATE_SCHEMAS[view], s).success).toBe(true);
        const params = serializeState(view, s);
        const back = parseState(view, qs(params.toString()));
        expect(back.notices, params.toString()).toEqual([]);
        expect(back.state).toEqual(s);
        // and the URL is canonical: serialising again gives the same text
        expect(serializeState(view, back.state).toString()).toBe(params.toString());
      }
    }
  });

  it('every view field list matches its schema', () => {
    for (const view of VIEWS) {
      expect(Object.keys(STATE_SCHEMAS[view].entries).sort()).toEqual([...VIEW_FIELDS[view]].sort());
    }
  });
});

describe('URL state: canonical and short', () => {
  it('omits defaults, starts with v=1 and sorts keys', () => {
    const p = serializeState('ranking', {
      year: 2023,
      metric: 'three_public_total',
      order: 'desc',
      regions: ['示例市临江区', '示例市'],
      units: ['b', 'a']
    });
    expect(p.toString()).toBe(
      'v=1&reg=%E7%A4%BA%E4%BE%8B%E5%B8%82&reg=%E7%A4%BA%E4%BE%8B%E5%B8%82%E4%B8%B4%E6%B1%9F%E5%8C%BA&u=b&u=a&y=2023'
    );
    expect(serializeState('percapita', { per: 'staff_in_service', peers: 'all' }).toString()).toBe('v=1');
    expect(serializeState('percapita', { per: 'staff_actual', metric: 'reception' }).toString()).toBe(
      'v=1&m=reception&per=staff_actual'
    );
  });

  it('keeps the order of chosen units (small multiples) but sorts set-like lists', () => {
    const { state } = parseState('trends', qs('v=1&u=zz&u=aa&src=synthetic&src=published'));
    expect(state).toEqual({ units: ['zz', 'aa'], sources: ['published', 'synthetic'] });
  });

  it('parses a full ranking link', () => {
    const { state, notices } = parseState('ranking', qs('v=1&y=2023&m=reception&kind=final&ord=asc'));
    expect(notices).toEqual([]);
    expect(state).toEqual({ year: 2023, metric: 'reception', kind: 'final', order: 'asc' });
    // budgets are the default kind of a view that compares values on one axis: dropped from the link
    expect(parseState('ranking', qs('v=1&kind=budget')).state).toEqual({});
  });

  it('the execution view takes execution figures only, three_public_total and over-execution first by default', () => {
    expect(parseState('execution', qs('v=1&m=total_expenditure&ord=asc&y=2024')).state).toEqual({
      metric: 'total_expenditure',
      order: 'asc',
      year: 2024
    });
    expect(parseState('execution', qs('m=three_public_total&ord=desc')).state).toEqual({});
    expect(parseState('execution', qs('m=staff_actual')).notices).toHaveLength(1);
    expect(parseState('execution', qs('kind=budget')).notices).toHaveLength(1);
  });

  it('drops values equal to the default when parsing', () => {
    expect(parseState('ranking', qs('m=three_public_total&ord=desc')).state).toEqual({});
  });

  it('accepts the change metrics', () => {
    expect(parseState('ranking', qs('m=reception.pct')).state).toEqual({ metric: 'reception.pct' });
    expect(parseState('ranking', qs('m=vehicles_count.pct')).notices).toHaveLength(1);
  });
});

describe('URL state: invalid and hostile input', () => {
  it('drops unknown params with a notice naming them', () => {
    const r = parseState('ranking', qs('v=1&y=2023&colour=red'));
    expect(r.state).toEqual({ year: 2023 });
    expect(r.details).toMatchObject([{ code: 'unknown_param', param: 'colour', value: 'red' }]);
    expect(r.notices[0]).toContain('colour=red');
    expect(r.notices[0]).toContain('Ignored an unknown parameter');
  });

  it('drops invalid values and keeps the valid ones', () => {
    const r = parseState('percapita', qs('y=20x3&m=nope&per=staff_actual&peers=everyone&u=ok1'));
    expect(r.state).toEqual({ per: 'staff_actual', units: ['ok1'] });
    expect(r.details.map((d) => [d.code, d.param])).toEqual([
      ['invalid_value', 'y'],
      ['invalid_value', 'm'],
      ['invalid_value', 'peers']
    ]);
  });

  it('a value valid elsewhere but not accepted by this view is invalid here (per-capita needs an amount)', () => {
    const r = parseState('percapita', qs('v=1&m=staff_actual'));
    expect(r.state).toEqual({});
    expect(r.details).toMatchObject([{ code: 'invalid_value', param: 'm', value: 'staff_actual' }]);
    expect(parseState('percapita', qs('v=1&m=reception.pct')).details[0].code).toBe('invalid_value');
    expect(parseState('percapita', qs('v=1&m=reception')).state).toEqual({ metric: 'reception' });
    expect(parseState('ranking', qs('v=1&m=staff_actual')).state).toEqual({ metric: 'staff_actual' });
  });

  it('a field of another view is unknown here', () => {
    const r = parseState('unit', qs('unit=u1&m=reception'));
    expect(r.state).toEqual({ unit: 'u1' });
    expect(r.details[0].code).toBe('unknown_param');
  });

  it('SQL or script in any value changes nothing but the notices', () => {
    const hostile = [
      "'; DROP TABLE disclosures; --",
      '<script>alert(1)</script>',
      '" onmouseover="alert(1)',
      '2023 OR 1=1',
      'reception"); SELECT 1; --',
      '../../etc/passwd',
      '\u0000\u0007',
      'x'.repeat(5000)
    ];
    for (const view of VIEWS) {
      if (view === 'sql') continue; // the console's text is SQL by design (length-limited, read-only)
      for (const field of VIEW_FIELDS[view]) {
        const key = FIELDS[field].key;
        for (const bad of hostile) {
          const r = parseState(view, qs(`v=1&${key}=${encodeURIComponent(bad)}`));
          expect(r.state, `${view} ${key}=${bad}`).toEqual({});
          expect(r.details, `${view} ${key}=${bad}`).toHaveLength(1);
          expect(r.details[0].value!.length).toBeLessThanOrEqual(41);
        }
      }
    }
  });

  it('a one-year view shows as many units as one of its choices says, no other number', () => {
    expect(parseState('ranking', qs('v=1&n=500')).state).toEqual({ limit: 500 });
    expect(parseState('percapita', qs('v=1&n=1000')).state).toEqual({ limit: 1000 });
    for (const bad of ['37', '100000', '0', 'all']) {
      const r = parseState('ranking', qs(`v=1&n=${bad}`));
      expect(r.state, bad).toEqual({});
      expect(r.details[0]?.code, bad).toBe('invalid_value');
    }
    expect(parseState('trends', qs('v=1&n=500')).details[0]?.code).toBe('unknown_param');
  });

  it('numbers out of range or not integers are invalid', () => {
    for (const bad of ['1e3', '-1', '2023.5', '0x7e7', '99999', '']) {
      const r = parseState('ranking', qs(`y=${encodeURIComponent(bad)}`));
      expect(r.state, bad).toEqual({});
      expect(r.details[0]?.code, bad).toBe('invalid_value');
    }
    expect(parseState('quality', qs('p=0')).details[0].code).toBe('invalid_value');
  });

  it('hostile keys are reported, shortened, never kept', () => {
    const r = parseState('ranking', qs(`${encodeURIComponent('<img src=x onerror=alert(1)>')}=1&y=2020`));
    expect(r.state).toEqual({ year: 2020 });
    expect(r.details[0].code).toBe('unknown_param');
  });

  it('limits list sizes and repeated single params', () => {
    const many = Array.from({ length: MAX_LIST + 5 }, (_, i) => `u=id${i}`).join('&');
    const r = parseState('trends', qs(`${many}&m=reception&m=staff_actual`));
    expect(r.state.units).toHaveLength(MAX_LIST);
    expect(r.state.metric).toBe('reception');
    expect(r.details.map((d) => d.code)).toEqual(['too_many_values', 'duplicate_param']);
  });

  it('the quality view takes only the audit’s own check ids and its two orders', () => {
    const ok = parseState('quality', qs('chk=tree_sum&chk=wording_vs_figures&sort=amount'));
    expect(ok.notices).toEqual([]);
    expect(ok.state).toEqual({ checks: ['tree_sum', 'wording_vs_figures'], sort: 'amount' });
    const bad = parseState('quality', qs('chk=nope&chk=tree_sum&sort=loudest'));
    expect(bad.state).toEqual({ checks: ['tree_sum'] });
    expect(bad.notices).toHaveLength(2);
    // the default order is not written
    expect(serializeState('quality', { sort: 'severity' }).toString()).toBe('v=1');
  });

  it('an unknown version is reported and read as version 1', () => {
    const r = parseState('ranking', qs('v=7&y=2021'));
    expect(r.state).toEqual({ year: 2021 });
    expect(r.details[0]).toMatchObject({ code: 'unknown_version', value: '7' });
  });

  it('the SQL console keeps its text, within a length limit', () => {
    const q = "SELECT unit_name FROM units WHERE region = '示例市'";
    expect(parseState('sql', serializeState('sql', { q })).state).toEqual({ q });
    expect(parseState('sql', qs(`q=${'x'.repeat(5000)}`)).details[0].code).toBe('invalid_value');
  });
});

describe('language in the link', () => {
  it('is read when valid, reported and dropped when not, and never a view field', () => {
    expect(readLang(new URLSearchParams('v=1&lang=en'))).toBe('en');
    expect(readLang(new URLSearchParams('v=1&lang=zh'))).toBe('zh');
    expect(readLang(new URLSearchParams('v=1&lang=fr'))).toBeUndefined();
    expect(readLang(new URLSearchParams('v=1'))).toBeUndefined();
    expect(parseState('ranking', new URLSearchParams('v=1&lang=en&m=reception')).details).toEqual([]);
    const bad = parseState('ranking', new URLSearchParams('v=1&lang=fr'));
    expect(bad.details.map((d) => [d.code, d.param])).toEqual([['invalid_value', 'lang']]);
  });

  it('is written in its canonical place, and set or removed without touching the rest', () => {
    expect(queryString('ranking', { metric: 'reception', year: 2023 }, 'en')).toBe(
      '?v=1&lang=en&m=reception&y=2023'
    );
    expect(queryString('ranking', { metric: 'reception' })).toBe('?v=1&m=reception');
    const q = new URLSearchParams('v=1&m=reception&u=b&u=a&y=2023');
    expect(withLang(q, 'en').toString()).toBe('v=1&lang=en&m=reception&u=b&u=a&y=2023');
    expect(withLang(withLang(q, 'en'), 'zh').toString()).toBe('v=1&lang=zh&m=reception&u=b&u=a&y=2023');
    expect(withLang(withLang(q, 'en'), undefined).toString()).toBe(q.toString());
  });
});
