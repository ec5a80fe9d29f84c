// Figure mentions in prose: "“三公”经费预算数为 47.35 万元", "公务接待费增加 1.25 万元，增长 6.76%",
// "2015年三公经费预算拨入57.55万元". Each mention says which figure, which year (this / last), which
// column (actual / 年初预算) and whether it is a value or a change.
import type { FigureName, Kind } from '../model';
import { toWan, type MoneyUnit } from './numbers';
import { linesOf, type Prose } from './prose';

export type MentionKind = 'value' | 'change';
export type Period = 'current' | 'prior';
export type Column = 'actual' | 'budget';

export interface Mention {
  figure: FigureName;
  kind: MentionKind;
  period: Period;
  column: Column;
  /** 万元; for a change the signed delta (current − compared) */
  value: number;
  /** the number as written, in `unit` */
  raw: number;
  unit: MoneyUnit;
  /** percent stated with a change ("下降 29.43%"), or a value's share ("占 80.26%") */
  pct: number | null;
  /** what a change compares with: the prior year, the same year's budget, or not said */
  against: 'prior' | 'budget' | null;
  /** for a prior-year value or a change from the prior year: whether that prior figure is last year's 预算
   * ('budget') or 决算 ('final') as the words say ("比上年预算", "较上年决算数"); null when they do not */
  basis?: Kind | null;
  start: number;
  end: number;
  lines: number[];
  /** said by a looser name (本年支出合计 for 支出总计): used only when no other mention states the figure */
  weak?: boolean;
  /** half a unit of the last digit written, in 万元 (a prose figure rounds the table's) */
  precision?: number;
}

/** Half a unit of the last digit of a written amount, in 万元. */
export function precisionOf(written: string, unit: MoneyUnit): number {
  const decimals = written.split('.')[1]?.length ?? 0;
  return toWan(0.5 * 10 ** -decimals, unit) || 0.00005;
}

/** Aliases of each amount figure in prose, longest first within a figure. */
const ALIASES: [FigureName, string, 'weak'?][] = [
  ['vehicle_total', '公务用车购置及运行(?:维护|维修)?(?:费用|经费|费|支出)?'],
  ['vehicle_total', '公务用车及运行维护费用?'],
  ['vehicle_purchase', '公务用车购置(?:费用|经费|费|支出)?(?!及)'],
  ['vehicle_purchase', '公车购置(?:费用|费)'],
  ['vehicle_operation', '公务用车运行(?:费)?(?:维护|维修)?(?:费用|经费|费|支出)?'],
  ['vehicle_operation', '公务车辆运行(?:维护)?(?:费用|费)?'],
  ['vehicle_operation', '公车运行(?:维护)?(?:费用|费)'],
  ['vehicle_operation', '(?<!公务)车辆运行(?:维护)?(?:费用|费)'],
  ['overseas_travel', '因公出国\\(境\\)(?:费用|经费|费|支出)?'],
  ['overseas_travel', '因公出国(?:境)?(?:费用|经费|费)'],
  ['overseas_travel', '(?<!因公)出国\\(境\\)(?:费用|经费|费)'],
  ['reception', '公务接待(?:费用|经费|费|支出)?'],
  ['three_public_total', '[“"‘\']?三公[”"’\']?(?:经费)?[”"’\']?(?:支出|预算)?(?:合计|总额)?'],
  ['operating_expense', '机关运行经费'],
  ['personnel_expense', '人员经费'],
  ['public_expense', '公用经费'],
  ['basic_expenditure', '基本支出(?:预算)?'],
  ['project_expenditure', '项目支出(?:预算)?'],
  ['general_budget', '一般公共预算(?:财政)?(?:拨款)?(?:收入)?'],
  ['fund_budget', '政府性基金(?:预算)?(?:财政)?拨款(?:支出|收入)(?:预算|决算)?'],
  ['fund_budget', '政府性基金预算(?:财政)?(?:拨款)?(?:收入)?'],
  ['state_capital_budget', '国有资本经营预算(?:财政)?拨款(?:支出|收入)(?:预算|决算)?'],
  ['state_capital_budget', '国有资本经营预算(?:财政)?(?:拨款)?(?:收入)?'],
  ['procurement_total', '政府采购(?:预算|支出)?(?:总额|合计)?'],
  ['total_income', '(?<!财政拨款)(?:收入总计|收入总预算|部门收入预算|收入预算合计|总收入)'],
  [
    'total_expenditure',
    '(?<!财政拨款(?:收入)?)(?:支出总计|支出总预算|部门支出预算|支出预算合计|总支出|(?<=年|年度)支出预算(?=\\s?\\d))'
  ],
  ['total_expenditure', '本年支出合计', 'weak']
];

// every alias begins with one of these two characters (a quote then 三 for “三公”): find those first, then try
// the aliases there (sticky), rather than at every character an alias may start with (人, 一, 本, 公 …)
const ALIAS_START =
  /公[务车用]|车辆|因公|出国|[“"‘']三|三公|机关|人员|基本|项目|一般|政府|国有|收入|部门|总[收支]|支出|本年/g;
const ALIAS_RE = new RegExp(ALIASES.map(([, a]) => `(${a})`).join('|'), 'y');

const NUM = /(-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?)\s?(万元|亿元|元|%)?/g;
const CHANGE = /(增加|减少|下降|增长|上升|节约|降低|减支|增支|节支|减|增)/;
const NUMBER = '-?\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|-?\\d+(?:\\.\\d+)?';
// "，占 80.26%，比上年预算减少 97.44 万元，下降 20.58%" right after a value
const CHANGE_AFTER_VALUE = new RegExp(
  `^(?:[,，]?占[^,，。;]{0,16}%)?[,，]?((?:比|较|与|同比|对比)(?:20\\d\\d年度?)?[^,，。;\\d]{0,14}?)(增加|减少|下降|增长|上升|节约|降低)(${NUMBER})\\s?(万元|元|亿元)(?:[,，]?(?:增长|下降|减少|增加|上升|降低)(-?\\d+(?:\\.\\d+)?)%)?`
);
const COMPARATOR =
  /(?:比|较|与|同比|对比)(?:上年|去年|上一年度?|20\d\d年度?)?(?:年初)?(?:预算|决算)?数?(?:相比|对比|比较)?/g;
// Words that may stand between a figure's name and its amount.
const FILLER =
  /^(?:[\s:,，、()“”"'’‘]|财政拨款|一般公共预算|公共预算|部门决算汇总|年初|预算|决算|支出|安排|数|为|是|共|计|合计|总额|总计|金额|拨款|拨入|全年|实际|累计|本年|当年|执行|经费|费用|费|开支|使用|资金|小计|度|的|20\d\d年度?|约)*$/;
const BLOCKERS = /占|比|较|与|同比|上年|去年|对比|其中|完成|人|次|辆|批|个/;

/** "，占 80.26%" / "，占一般公共预算支出的84.06%" right after a value */
function shareAfter(s: string): number | null {
  const m = /^[,，]?占[^,，。;%\d]{0,14}?(\d+(?:\.\d+)?)%/.exec(s);
  return m ? Number(m[1]) : null;
}

function yearIn(s: string): number | null {
  const m = /(20\d\d)年/.exec(s);
  return m ? Number(m[1]) : null;
}

const FUND_NAMES = /一般公共预算|公共预算|政府性基金预算|国有资本经营预算|预算法|预决算|预算单位|预算管理/g;

/** The column a value belongs to in a 决算 document: 'budget' when its context says 预算 and not 决算. */
function columnOf(context: string): Column | null {
  const c = context.replace(FUND_NAMES, '');
  const b = c.lastIndexOf('预算');
  const f = c.lastIndexOf('决算');
  if (b < 0 && f < 0) return null;
  return f > b ? 'actual' : 'budget';
}

/** Whether the last 预算 of `context` is the year's adjusted budget (全年预算, 调整预算, 调整后预算). */
function adjustedBudget(context: string): boolean {
  const c = context.replace(FUND_NAMES, '');
  return /(?:全年|调整后?|变动后)预算[^预]*$/.test(c);
}

function comparatorOf(s: string, year: number | null, final: boolean): 'prior' | 'budget' | null {
  const t = s.replace(FUND_NAMES, '');
  const m = /(?:比|较|与|同比|对比)(上年|去年|上一年|(20\d\d)年)?度?(年初)?(预算|决算)?数?/g;
  let last: RegExpExecArray | null = null;
  let x: RegExpExecArray | null;
  while ((x = m.exec(t))) last = x;
  if (!last) return null;
  if (last[0].startsWith('同比')) return 'prior';
  if (last[1] === '上年' || last[1] === '去年' || last[1] === '上一年') return 'prior';
  const y = last[2] ? Number(last[2]) : null;
  if (y !== null && year !== null) {
    if (y === year - 1) return 'prior';
    if (y === year && (last[4] === '预算' || last[3])) return 'budget';
    return null;
  }
  if (last[3] || (final && last[4] === '预算')) return 'budget';
  return null;
}

/** The kind of the prior-year figure a comparison names: "比上年预算" → budget, "较上年决算数" → final. */
function basisOf(s: string): Kind | null {
  const t = s.replace(FUND_NAMES, '');
  const m = /(?:比|较|与|同比|对比)(?:上年|去年|上一年|20\d\d年)?度?(?:年初)?(预算|决算)?/g;
  let last: RegExpExecArray | null = null;
  let x: RegExpExecArray | null;
  while ((x = m.exec(t))) last = x;
  return last?.[1] === '预算' ? 'budget' : last?.[1] === '决算' ? 'final' : null;
}

/** The kind a stated amount is of, by the last 预算/决算 in its context. */
function kindOf(context: string): Kind | null {
  const c = columnOf(context);
  return c === 'budget' ? 'budget' : c === 'actual' ? 'final' : null;
}

function sentenceStart(text: string, at: number): number {
  return at > 0 ? text.lastIndexOf('。', at - 1) + 1 : 0;
}

type Hit = { figure: FigureName; weak: boolean; start: number; end: number };

/** A mention of hit's figure spanning [hit.start, end). */
function mention(
  p: Prose,
  hit: Hit,
  end: number,
  m: Omit<Mention, 'figure' | 'start' | 'end' | 'lines'>
): Mention {
  return { figure: hit.figure, ...m, start: hit.start, end, lines: linesOf(p, hit.start, end) };
}

export interface MentionOptions {
  year: number | null;
  final: boolean;
  /** money unit to assume for amounts given without one (never: such numbers are skipped) */
}

/** Scan prose for every figure mention. */
export function findMentions(p: Prose, opts: MentionOptions): Mention[] {
  const text = p.text;
  const hits: Hit[] = [];
  ALIAS_START.lastIndex = 0;
  let c: RegExpExecArray | null;
  while ((c = ALIAS_START.exec(text))) {
    ALIAS_RE.lastIndex = c.index;
    const m = ALIAS_RE.exec(text);
    if (!m || m[0].length === 0) {
      ALIAS_START.lastIndex = c.index + 1;
      continue;
    }
    let g = 0;
    while (m[g + 1] === undefined) g++;
    hits.push({
      figure: ALIASES[g][0],
      weak: ALIASES[g][2] === 'weak',
      start: m.index,
      end: m.index + m[0].length
    });
    ALIAS_START.lastIndex = m.index + m[0].length;
  }
  const out: Mention[] = [];
  for (let h = 0; h < hits.length; h++) {
    const hit = hits[h];
    const sStart = sentenceStart(text, hit.start);
    let stop = Math.min(text.length, hit.end + 90);
    if (h + 1 < hits.length) stop = Math.min(stop, hits[h + 1].start);
    const dot = text.indexOf('。', hit.end);
    if (dot >= 0) stop = Math.min(stop, dot);
    const semi = text.slice(hit.end, stop).search(/[;；]/);
    if (semi >= 0) stop = hit.end + semi;
    // year / column context before the name: "2015年三公经费…", "较2014年度部门决算公开“三公”经费合计…"
    const before = text.slice(Math.max(sStart, hit.start - 16), hit.start);
    const beforeClause = before.slice(before.search(/[^，,;；:：、]*$/));
    let period: Period = 'current';
    let explicitYear = yearIn(beforeClause);
    const priorByComparator = /(?:比|较|与|对比)(?:上年|去年|20\d\d年)/.test(beforeClause);
    if (explicitYear !== null && opts.year !== null) {
      if (explicitYear === opts.year - 1) period = 'prior';
      else if (explicitYear !== opts.year) continue;
    }
    if (priorByComparator && /(?:比|较|与|对比)上年|去年/.test(beforeClause)) period = 'prior';
    let pos = hit.end;
    NUM.lastIndex = hit.end;
    let n: RegExpExecArray | null;
    while ((n = NUM.exec(text)) && n.index < stop) {
      // a short aside in brackets says how, not what: "政府采购金额(以合同签订为准)为251.25万元"
      const gap = text.slice(pos, n.index).replace(/\([^()\d]{1,12}\)/g, '');
      const unitTok = n[2] as MoneyUnit | '%' | undefined;
      // a year inside the gap sets the period for what follows ("公务接待费2016年预算8万元,2015年预算12.5万元")
      if (/^(20\d\d)$/.test(n[1]) && text[n.index + n[0].length] === '年') {
        explicitYear = Number(n[1]);
        if (opts.year !== null) {
          if (explicitYear === opts.year) period = 'current';
          else if (explicitYear === opts.year - 1) period = 'prior';
          else break;
        }
        pos = n.index + n[0].length + 1;
        NUM.lastIndex = pos;
        continue;
      }
      if (unitTok === '%') break;
      // a bare 0 ends its clause ("国有资本经营预算拨款支出预算为0。"): zero in any unit
      if (
        !unitTok &&
        !(
          Number(n[1]) === 0 &&
          /^(?:[。;；,，]|$)/.test(text.slice(n.index + n[0].length, n.index + n[0].length + 1))
        )
      )
        break;
      const unit: MoneyUnit = unitTok ?? '万元';
      const amount = toWan(Number(n[1].replace(/,/g, '')), unit);
      const change = CHANGE.exec(gap);
      if (change && !FILLER.test(gap.replace(COMPARATOR, '').replace(CHANGE, '').replace(/了$/, ''))) break;
      if (change) {
        const ctx = text.slice(sStart, n.index);
        const gapCompares = /上年|去年/.test(gap) || comparatorOf(gap, opts.year, opts.final) !== null;
        const against = /上年|去年/.test(gap)
          ? 'prior'
          : (comparatorOf(gap, opts.year, opts.final) ?? comparatorOf(ctx, opts.year, opts.final));
        const sign = /增加|增长|上升|增支|增/.test(change[1]) ? 1 : -1;
        const after = text.slice(n.index + n[0].length, n.index + n[0].length + 14);
        const pm = /^[,，]?(?:增长|下降|减少|增加|上升|降低|减少率|增长率)?(?:了)?(-?\d+(?:\.\d+)?)%/.exec(
          after
        );
        out.push(
          mention(p, hit, n.index + n[0].length, {
            kind: 'change',
            period,
            column: 'actual',
            value: sign * amount,
            raw: Number(n[1].replace(/,/g, '')),
            unit,
            pct: pm ? Number(pm[1]) : null,
            against,
            basis: basisOf(gapCompares ? gap : ctx)
          })
        );
        break;
      }
      if (!FILLER.test(gap) || BLOCKERS.test(gap.replace(/20\d\d年度?/g, ''))) break;
      let column: Column = 'actual';
      if (opts.final) {
        const ctxColumn =
          columnOf(text.slice(hit.start, n.index)) ??
          columnOf(text.slice(sStart, hit.start).replace(/(?:比|较|与|对比)[^，,。]{0,8}/g, ''));
        column = ctxColumn ?? 'actual';
        // a 全年预算 / 调整预算 (the budget as adjusted during the year) is not the 年初预算: not read, and what
        // follows it ("全年预算为 321.02 万元，支出决算为 307.82 万元") still is
        if (column === 'budget' && adjustedBudget(text.slice(hit.start, n.index))) {
          pos = n.index + n[0].length;
          continue;
        }
      }
      out.push(
        mention(p, hit, n.index + n[0].length, {
          kind: 'value',
          period,
          column,
          value: amount,
          raw: Number(n[1].replace(/,/g, '')),
          unit,
          pct: shareAfter(text.slice(n.index + n[0].length, n.index + n[0].length + 24)),
          against: null,
          ...(period === 'prior' ? { basis: kindOf(beforeClause + gap) } : {}),
          weak: hit.weak,
          precision: precisionOf(n[1], unit)
        })
      );
      pos = n.index + n[0].length;
      // after a 年初预算 value of a 决算 document, the actual may follow ("预算为1.8万元,支出决算为1.52万元")
      if (!(opts.final && column === 'budget')) {
        // a change may follow the value in the same clause: "…376.03 万元，占 80.26%，比上年预算减少 97.44 万元"
        let rest = text.slice(pos, stop);
        let cm: RegExpExecArray | null;
        let changes = 0;
        while ((cm = CHANGE_AFTER_VALUE.exec(rest))) {
          const against = comparatorOf(cm[1], opts.year, opts.final);
          const sign = /增加|增长|上升/.test(cm[2]) ? 1 : -1;
          const raw = Number(cm[3].replace(/,/g, ''));
          const end = pos + cm[0].length;
          out.push(
            mention(p, hit, end, {
              kind: 'change',
              period,
              column,
              value: sign * toWan(raw, cm[4] as MoneyUnit),
              raw,
              unit: cm[4] as MoneyUnit,
              pct: cm[5] !== undefined ? Number(cm[5]) : null,
              against,
              basis: basisOf(cm[1])
            })
          );
          changes++;
          pos = end;
          rest = text.slice(pos, stop);
        }
        const flatClause = /^[,，]?((?:比|较|与|同比|对比)[^,，。;]{0,14}?)(?:持平|相同|无变化)/.exec(rest);
        if (changes === 0 && flatClause && comparatorOf(flatClause[1], opts.year, opts.final) === 'prior') {
          out.push(
            mention(p, hit, pos, {
              kind: 'change',
              period,
              column,
              value: 0,
              raw: 0,
              unit,
              pct: null,
              against: 'prior',
              basis: basisOf(flatClause[1])
            })
          );
        }
        // "公务接待费2016年预算8万元,2015年预算12.5万元": another year's figure follows
        if (/^[,，;；]?20\d\d年/.test(text.slice(pos, stop))) {
          NUM.lastIndex = pos;
          continue;
        }
        break;
      }
    }
  }
  return out;
}
