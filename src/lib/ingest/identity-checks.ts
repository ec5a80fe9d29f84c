// Year and kind (预算/决算) from the strongest statements a document makes about itself: its title first, then
// its part headings and table titles ("第二部分 2023 年部门预算公开表", "收入支出决算总表"), then its wording
// ("决算数小于预算数", "支出决算为"). A document whose statements disagree gets a finding naming both.
import type { Kind } from '../model';
import type { FindingList } from './checks';
import type { Identity } from './identity';
import { linesHolding, squashedLines, type Line } from './text';

const FUND_NAMES =
  /一般公共预算|公共预算|政府性基金预算|国有资本经营预算|年初预算|预算数|预算单位|预决算|预算管理|预算绩效|预算执行|预算法/g;
// a heading or a table title: short, no sentence; "第二部分…", "一、…", "表3 …", or ending in 表 / 说明 / 情况
const HEADING =
  /^(?:第[一二三四五六]部分|[一二三四五六七八九十]{1,3}[、.．]|表\s*\d{1,2}|\d{1,2}[.、．])|(?:表|说明|情况)$/;
const COMPARISON = /比|较|与|相比|对比|执行|上年|下年|以来|期间|规划|至20/;
// wording only a 决算 uses of its own year: its actual against its budget
const FINAL_WORDING =
  /决算数(?:大于|小于|等于|与(?:年初|全年)?预算数?持平)|支出决算(?:数)?为|完成(?:年初|全年)?预算(?:数)?的/g;

const A_YEAR = /20\d\d年/;
const BODY_YEAR =
  /(?<![比较与同至止于自从])(20\d\d)年度?(?!底|末|以来|\d+月|\d)(?=.{0,14}(?:预算|决算|收入|支出|三公|经费|财政拨款|收支))/g;

export interface Signal<T> {
  value: T;
  line: number;
}

export interface IdentitySignals {
  /** years of headings and table titles */
  years: Signal<number>[];
  /** years the body states its figures for ("2023 年部门收入预算…"), comparisons and dates left out */
  bodyYears: Signal<number>[];
  kinds: Signal<Kind>[];
  /** "决算数小于预算数", "支出决算为…": lines whose wording is a 决算's own */
  finalWording: number[];
}

/** The years and kinds the document's headings and table titles state, and its 决算 wording. */
export function identitySignals(lines: Line[]): IdentitySignals {
  const out: IdentitySignals = { years: [], bodyYears: [], kinds: [], finalWording: [] };
  const squashed = squashedLines(lines);
  // every signal is a year (…年) or says 预算 / 决算 (the 决算 wording too): a line with neither has none
  for (const n of linesHolding(lines, '年', '算')) {
    const l = lines[n];
    const t = squashed[n];
    const year = t.includes('年');
    // the global matches only where they can match: 决算 / 完成 wording, a year
    if (t.includes('决算') || t.includes('完成')) {
      const finalWords = t.match(FINAL_WORDING)?.length ?? 0;
      for (let i = 0; i < finalWords; i++) out.finalWording.push(l.no);
    }
    if (year && A_YEAR.test(t))
      for (const m of t.matchAll(BODY_YEAR)) out.bodyYears.push({ value: Number(m[1]), line: l.no });
    if (!t || t.length > 50 || /[。，,；;：:]/.test(t) || COMPARISON.test(t) || !HEADING.test(t)) continue;
    // a table row ("2、基金预算拨款 205 教育支出 …") carries codes or amounts; a heading none
    if (/\d{3}/.test(t.replace(/^[^\d]*\d{1,2}[.、．]|20\d\d年/g, ''))) continue;
    const k = t.replace(FUND_NAMES, '');
    const y = /(?<![比较与同至止于自从和及])(20\d\d)年度?(?=[^，,。；;]{0,30}(?:预算|决算))/.exec(t);
    if (y) out.years.push({ value: Number(y[1]), line: l.no });
    const fin = /决算/.test(k);
    const bud = /预算/.test(k);
    if (fin !== bud) out.kinds.push({ value: fin ? 'final' : 'budget', line: l.no });
  }
  return out;
}

/** The value most signals state (the first stated on a tie). */
function majority<T>(signals: Signal<T>[]): { value: T; count: number } | null {
  const count = new Map<T, number>();
  for (const s of signals) count.set(s.value, (count.get(s.value) ?? 0) + 1);
  let best: { value: T; count: number } | null = null;
  for (const s of signals) {
    const n = count.get(s.value)!;
    if (!best || n > best.count) best = { value: s.value, count: n };
  }
  return best;
}

/**
 * Settle the year and kind: the title's where it states them; otherwise what most headings and table titles
 * state (a single heading of another year no longer decides); otherwise what the body said (`id` as read).
 * A 决算 wording in a document whose title says 预算 (or the other way round in its headings) is a finding.
 */
export function settleIdentity(id: Identity, s: IdentitySignals, f: FindingList): Identity {
  const out = { ...id };
  const titled = id.yearLine !== null && id.yearFromTitle;
  if (!titled) {
    // a heading counts twice a sentence of the body
    const y = majority([...s.years, ...s.years, ...s.bodyYears]);
    if (y && y.count >= 3 && y.value !== id.year) {
      out.year = y.value;
      out.yearLine = [...s.years, ...s.bodyYears].find((x) => x.value === y.value)!.line;
    }
  }
  const k = majority(s.kinds);
  if (!id.kindFromTitle && k && k.count >= 2) out.kind = k.value;
  if (out.kind === null) return out;
  const other: Kind = out.kind === 'final' ? 'budget' : 'final';
  const against = s.kinds.filter((x) => x.value === other);
  const agreeing = s.kinds.filter((x) => x.value === out.kind);
  const kindZh = (x: Kind) => (x === 'final' ? '决算' : '预算');
  const kindEn = (x: Kind) => (x === 'final' ? 'final account' : 'budget');
  const basis = id.kindFromTitle && id.yearLine !== null ? [id.yearLine] : agreeing.map((x) => x.line);
  const basisZh = id.kindFromTitle ? '标题' : '多数标题';
  const basisEn = id.kindFromTitle ? 'the title' : 'most headings';
  if (against.length >= 2 || (against.length && !agreeing.length && id.kindFromTitle)) {
    const at = f.place(against.map((x) => x.line));
    const by = f.place(basis);
    f.add(
      'identity_conflict',
      'warning',
      `${basisZh}称${kindZh(out.kind)}（${by.zh}），另有 ${against.length} 处标题称${kindZh(other)}（${at.zh}）`,
      `${basisEn} says ${kindEn(out.kind)} (${by.en}); ${against.length} heading${against.length > 1 ? 's say' : ' says'} ${kindEn(other)} (${at.en})`,
      null,
      null,
      [...basis, ...against.map((x) => x.line)]
    );
  } else if (out.kind === 'budget' && s.finalWording.length >= 2) {
    const at = f.place(s.finalWording);
    const by = f.place(basis);
    f.add(
      'identity_conflict',
      'warning',
      `${basisZh}称预算（${by.zh}），正文却有 ${s.finalWording.length} 处决算用语（决算数与预算数相比、支出决算为…；${at.zh}）`,
      `${basisEn} says budget (${by.en}), yet the text uses a final account's wording ${s.finalWording.length} times (actual against budget; ${at.en})`,
      null,
      null,
      [...basis, ...s.finalWording]
    );
  }
  return out;
}
