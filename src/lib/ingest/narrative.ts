// What the prose states beyond plain figure mentions: staffing, 收支总预算, 政府采购 split, 国有资产,
// 预算绩效, subordinate units, and the project list with its 绩效目标表.
import { THREE_PUBLIC_FIGURES, type FigureName } from '../model';
import { toWan, type MoneyUnit } from './numbers';
import { lineOf, linesOf, type Prose } from './prose';

export interface Stated {
  value: number;
  lines: number[];
  /** half a unit of the last digit written (万元): 16497.86 → 0.005, 17,192 → 0.5; absent when exact */
  precision?: number;
}

export interface StaffFacts {
  counts: Partial<Record<FigureName, Stated>>;
  prev: Partial<Record<FigureName, Stated>>;
  /** 实有人数 stated with "其中" parts (在职/退休/离休) that should add up to it */
  partsOfActual: boolean;
}

const N = '(\\d+)';
const PERSON = '(?:人|名)';

function first(p: Prose, re: RegExp): { m: RegExpExecArray; lines: number[] } | null {
  re.lastIndex = 0;
  const m = re.exec(p.text);
  return m ? { m, lines: linesOf(p, m.index, m.index + m[0].length) } : null;
}

/** 编制数 15，实有人数 15 人，其中：在职 11 人，减少 4 人；退休 0 人… */
export function readStaff(p: Prose): StaffFacts {
  const out: StaffFacts = { counts: {}, prev: {}, partsOfActual: false };
  const t = p.text;
  // 编制: one total ("编制数 15", "人员编制总数为15人"), or a single typed 编制 ("事业编制25名");
  // several typed 编制 without a total ("行政编制4个…参公事业编制2个") leave it unstated.
  const total = first(
    p,
    new RegExp(
      `(?:编制数|编制总数|人员编制|核定编制|编制人数)(?:为|共|是|:)?${N}(?:人|名|个)?(?![\\d.])`,
      'g'
    )
  );
  if (total) out.counts.staff_authorized = { value: Number(total.m[1]), lines: total.lines };
  else {
    const typed = [
      ...t.matchAll(
        /(行政|事业|参公|全额事业|全额拨款事业|差额事业|自收自支事业|工勤|机关)编制(\d+)(?:人|名|个)/g
      )
    ];
    if (typed.length === 1) {
      const m = typed[0];
      out.counts.staff_authorized = {
        value: Number(m[2]),
        lines: linesOf(p, m.index!, m.index! + m[0].length)
      };
    }
  }
  const actual = first(p, new RegExp(`实有人(?:数|员)(?:总数)?(?:为|共|是|:)?${N}${PERSON}?`, 'g'));
  if (actual) {
    out.counts.staff_actual = { value: Number(actual.m[1]), lines: actual.lines };
    out.partsOfActual = /^[,，]?其中/.test(t.slice(actual.m.index + actual.m[0].length));
  }
  const parts: [FigureName, string][] = [
    ['staff_in_service', `在职(?:在编)?(?:人员|人数|职工|干部)?(?:总数)?(?:为|共|是|:)?${N}${PERSON}`],
    ['staff_retired', `退休(?:人员|人数|职工|干部)?(?:总数)?(?:为|共|是|:)?${N}${PERSON}`],
    ['staff_separated', `离休(?:人员|人数|干部)?(?:总数)?(?:为|共|是|:)?${N}${PERSON}`]
  ];
  for (const [fig, src] of parts) {
    const f = first(p, new RegExp(src, 'g'));
    if (!f) continue;
    const value = Number(f.m[1]);
    out.counts[fig] = { value, lines: f.lines };
    const after = t.slice(f.m.index + f.m[0].length, f.m.index + f.m[0].length + 16);
    const ch = /^[,，]?(?:比上年|较上年|同比)?(增加|减少)(\d+)(?:人|名)/.exec(after);
    if (ch) {
      const delta = Number(ch[2]) * (ch[1] === '增加' ? 1 : -1);
      out.prev[fig] = {
        value: value - delta,
        lines: linesOf(p, f.m.index, f.m.index + f.m[0].length + ch[0].length + 1)
      };
    }
  }
  return out;
}

const AMT = '(-?\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|-?\\d+(?:\\.\\d+)?)\\s?(万元|元|亿元)';

function amountAt(m: RegExpExecArray, i: number): number {
  return toWan(Number(m[i].replace(/,/g, '')), m[i + 1] as MoneyUnit);
}

export interface NarrativeFacts {
  /** 收支总预算 468.53 万元 / 收、支总计均为 357.21 万元 */
  totals: { income?: Stated; expenditure?: Stated };
  procurement: { goods?: Stated; works?: Stated; services?: Stated };
  vehicles?: Stated;
  assets: { name: string; value: Stated }[];
  performance?: { projects: number; amount: Stated };
  /** figures the prose says there are none of ("无“三公”经费财政拨款支出", "无政府性基金预算财政拨款收入和支出") */
  none: { figures: FigureName[]; lines: number[] }[];
  noSubordinates?: number[];
  subordinates?: { count: number; lines: number[] };
}

const NONE = '(?:没有|无)(?:使用)?';
/** Sentences that state a figure is nil: each of its figures is then 0 (stated), not unknown. */
const NONE_STATEMENTS: [RegExp, readonly FigureName[]][] = [
  [
    new RegExp(`${NONE}(?:财政拨款)?[“"]?三公[”"]?经费(?:财政拨款)?(?:支出|预算)(?!.{0,3}(?:增|减|变))`, 'g'),
    THREE_PUBLIC_FIGURES
  ],
  [
    new RegExp(`${NONE}政府性基金预算(?:财政)?拨款(?:安排的)?(?:收入)?(?:和|及|、)?支出`, 'g'),
    ['fund_budget']
  ],
  [
    new RegExp(`${NONE}国有资本经营预算(?:财政)?拨款(?:安排的)?(?:收入)?(?:和|及|、)?支出`, 'g'),
    ['state_capital_budget']
  ]
];

export function readNarrative(p: Prose): NarrativeFacts {
  const out: NarrativeFacts = { totals: {}, procurement: {}, assets: [], none: [] };
  for (const [re, figures] of NONE_STATEMENTS) {
    const f = first(p, re);
    if (f) out.none.push({ figures: [...figures], lines: f.lines });
  }
  const t = p.text;
  const both = first(p, new RegExp(`收支总(?:预算|计)(?:数)?(?:均为|均是|各为|为|是)?${AMT}`, 'g'));
  const both2 = first(
    p,
    new RegExp(`收[、,，]?支总计(?:均为|均是|都是|各为|为|是)${AMT}(?![,，、]\\d)`, 'g')
  );
  const pair = first(
    p,
    new RegExp(
      `收[、,，]?支总计(?:各是|各为|分别为|分别是)${AMT.replace('\\s?(万元|元|亿元)', '')}[,，、和]${AMT}`,
      'g'
    )
  );
  const b = both ?? both2;
  if (b) {
    const v = { value: amountAt(b.m, 1), lines: b.lines };
    out.totals = { income: v, expenditure: v };
  } else if (pair) {
    const unit = pair.m[3] as MoneyUnit;
    out.totals = {
      income: { value: toWan(Number(pair.m[1].replace(/,/g, '')), unit), lines: pair.lines },
      expenditure: { value: amountAt(pair.m, 2), lines: pair.lines }
    };
  }
  const proc: [keyof NarrativeFacts['procurement'], string][] = [
    ['goods', '货物'],
    ['works', '工程'],
    ['services', '服务']
  ];
  for (const [k, w] of proc) {
    const f = first(p, new RegExp(`政府采购${w}(?:类)?(?:预算|决算|支出)?(?:为|是)?${AMT}`, 'g'));
    if (f) out.procurement[k] = { value: amountAt(f.m, 1), lines: f.lines };
  }
  const veh = first(
    p,
    /(?<!购置|新购|更新|购买|处置|报废)(?:车辆|公务用车保有量为|公务用车)(?:共|合计|总数)?(?:为)?(\d+)辆/g
  );
  if (veh) out.vehicles = { value: Number(veh.m[1]), lines: veh.lines };
  const assetRes: [string, RegExp][] = [
    ['房屋价值', new RegExp(`房屋[\\d.]+平方米[,，]?价值${AMT}`, 'g')],
    ['车辆价值', new RegExp(`车辆\\d+辆[,，]?价值${AMT}`, 'g')],
    ['办公家具价值', new RegExp(`办公家具价值${AMT}`, 'g')],
    ['其他资产价值', new RegExp(`其他资产价值${AMT}`, 'g')]
  ];
  for (const [name, re] of assetRes) {
    const f = first(p, re);
    if (f) out.assets.push({ name, value: { value: amountAt(f.m, 1), lines: f.lines } });
  }
  const perf = first(
    p,
    new RegExp(`实行绩效(?:目标)?管理的(?:财政拨款)?项目(\\d+)个,?涉及(?:预算)?(?:金额|资金)${AMT}`, 'g')
  );
  if (perf)
    out.performance = {
      projects: Number(perf.m[1]),
      amount: { value: amountAt(perf.m, 2), lines: perf.lines }
    };
  const none = first(p, /无下属(?:预算)?单位/g);
  if (none) out.noSubordinates = none.lines;
  for (const m of t.matchAll(/下属(\d+)家(?:行政)?(?:单位)?(?:和(\d+)家(?:事业)?单位)?/g)) {
    const count = Number(m[1]) + (m[2] ? Number(m[2]) : 0);
    if (count > 0) {
      out.subordinates = { count, lines: linesOf(p, m.index!, m.index! + m[0].length) };
      break;
    }
  }
  return out;
}

export interface NarrativeProject {
  name: string;
  amount: number | null;
  line: number;
}

const FIELD_AFTER_NAME =
  /设立的?政策依据|预算安排规模|项目承担单位|资金分配情况|资金执行时间|项目负责人|项目资金|主管部门|实施单位|项目属性|项目类型|年度预算总额/;

/** "（一）项目名称：网站建设专项经费 … 预算安排规模：30.00 万元" in 项目支出情况说明. */
export function readNarrativeProjects(p: Prose, targetsFrom: number): NarrativeProject[] {
  const out: NarrativeProject[] = [];
  const text = p.text.slice(0, targetsFrom);
  for (const m of text.matchAll(/项目名称[:：]/g)) {
    const start = m.index! + m[0].length;
    const rest = text.slice(start, start + 200);
    const cut = rest.search(FIELD_AFTER_NAME);
    const name = (cut >= 0 ? rest.slice(0, cut) : rest.slice(0, 40)).replace(/[,，。;；]+$/, '');
    if (!name || name.length > 40) continue;
    const am = new RegExp(`预算安排规模[:：]?${AMT}`).exec(rest);
    out.push({ name, amount: am ? amountAt(am, 1) : null, line: lineOf(p, start) });
  }
  return out;
}

export interface TargetTable {
  name: string;
  amount: number | null;
  line: number;
}

/** One entry per 项目支出绩效目标表: the project name and its 年度预算总额. */
export function readTargetTables(
  p: Prose,
  docUnit: MoneyUnit | null
): { tables: TargetTable[]; firstAt: number } {
  const text = p.text;
  const tables: TargetTable[] = [];
  const heads = [...text.matchAll(/项目支出绩效目标表/g)].map((m) => m.index!);
  for (let k = 0; k < heads.length; k++) {
    const seg = text.slice(heads[k], heads[k + 1] ?? text.length);
    const nm = /项目名称[:：]?(.+?)(?=项目负责人|项目资金|主管部门|实施单位|项目属性|年度预算总额|$)/.exec(
      seg
    );
    if (!nm) continue;
    const name = nm[1].replace(/[|,，。]+$/, '').trim();
    const am = /年度(?:预算|资金)总额[:：]?(-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?)/.exec(seg);
    const unitM = /项目资金\((万元|元)\)/.exec(seg);
    const unit = (unitM?.[1] ?? docUnit ?? '万元') as MoneyUnit;
    tables.push({
      name,
      amount: am ? toWan(Number(am[1].replace(/,/g, '')), unit) : null,
      line: lineOf(p, heads[k] + (nm.index ?? 0))
    });
  }
  return { tables, firstAt: heads[0] ?? text.length };
}
