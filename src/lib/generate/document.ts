// One disclosure document in the national template's order: 第一部分 概况, 第二部分 表1–表10, 第三部分 情况说明
// with 项目支出绩效目标表, 第四部分 名词解释, then the unit name and the published date. composeDocument
// draws its content once as a list of blocks (lines, prose, tables as rows, target tables); documentText
// prints it as the real seed shows it after PDF extraction, and pdf/write.ts lays the same blocks out as a PDF.
import type { Accounts } from './accounts';
import { ECONOMIC_NAMES, FUNCTIONAL_NAMES, spacedCode } from './classification';
import type { YearFigures } from './figures';
import { createLayout, wrap, type Layout } from './layout';
import type { Random } from './random';
import type { Unit } from './roster';
import * as T from './templates';
import {
  emptyTable,
  table1,
  table10,
  table2,
  table35,
  table4,
  table6,
  table7,
  type Cell,
  type Table,
  type TableContext
} from './tables';
import { targetTable, writeTargetTableText, type TargetTable } from './targets';

export type PlantKind = 'parent_sum' | 'narrative_vs_table' | 'project_without_targets' | 'staffing_sum';

export interface Plant {
  kind: PlantKind;
  detail: string;
  /** parent_sum: the 类 code whose 合计 is off; narrative_vs_table / parent_sum / staffing_sum: the offset. */
  code?: string;
  delta?: number;
  /** project_without_targets: the project's name. */
  project?: string;
}

export interface DocumentVariant {
  seed: string;
  kind: 'budget' | 'final';
  inYuan: boolean;
  vehicleWording: '公务用车购置及运行费' | '公务用车购置及运行维护费';
  overseasWording: '因公出国（境）费' | '因公出国(境)费';
  halfWidth: boolean;
  withProcurement: boolean;
  withAssets: boolean;
  published: { year: number; month: number; day: number };
  plant: Plant | null;
}

export interface DocumentInput {
  unit: Unit;
  year: number;
  figures: YearFigures;
  accounts: Accounts;
  prev: YearFigures;
  prevAccounts: Accounts;
  /** a 决算 document's 年初预算: the year's budget figures */
  initial?: { figures: YearFigures; accounts: Accounts };
  variant: DocumentVariant;
}

/** 分 → "295.61"; in a 元 document the same amount ×10000 → "2956100.00". */
export function formatAmount(fen: number, inYuan: boolean): string {
  if (inYuan) return `${fen * 100}.00`;
  const sign = fen < 0 ? '-' : '';
  const a = Math.abs(fen);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

/** Percentage with 2 decimals of part/whole (as the template's 占 x% and 下降 x%). */
export function formatPercent(part: number, whole: number): string {
  if (whole === 0) return part === 0 ? '0%' : '100%';
  const bp = Math.round((Math.abs(part) * 10000) / whole);
  return `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}%`;
}

const HALF: Record<string, string> = { '，': ',', '；': ';', '：': ':', '（': '(', '）': ')' };
const toHalfWidth = (s: string) => s.replace(/[，；：（）]/g, (c) => HALF[c]);

const SECTION_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一'];
const SUB = [
  '（一）',
  '（二）',
  '（三）',
  '（四）',
  '（五）',
  '（六）',
  '（七）',
  '（八）',
  '（九）',
  '（十）'
];
const SUB_HALF = ['(一)', '(二)', '(三)', '(四)', '(五)', '(六)'];

/** A piece of a composed document, in reading order. */
export type Block =
  /** the next block starts a new page */
  | { kind: 'page' }
  /** one line; `tight`: no blank line before it in the text; `pageNumber`: the page number after a target table */
  | { kind: 'line'; text: string; tight?: boolean; pageNumber?: boolean }
  /** a fixed block of the template, as extracted text (blank lines between its lines) */
  | { kind: 'raw'; text: string }
  /** a paragraph, wrapped by the writer */
  | { kind: 'prose'; text: string }
  | { kind: 'table'; table: Table }
  | { kind: 'targets'; targets: TargetTable };

export interface ComposedDocument {
  seed: string;
  unitName: string;
  year: number;
  kind: 'budget' | 'final';
  inYuan: boolean;
  published: { year: number; month: number; day: number };
  blocks: Block[];
}

/** What composeDocument writes to: the layout calls of the text, and tables and target tables whole. */
interface Recorder extends Omit<Layout, 'text'> {
  table(table: Table): void;
  targets(targets: TargetTable): void;
  pageNumber(text: string): void;
}

function createRecorder(blocks: Block[]): Recorder {
  return {
    line: (text) => void blocks.push({ kind: 'line', text }),
    tight: (text) => void blocks.push({ kind: 'line', text, tight: true }),
    raw: (text) => void blocks.push({ kind: 'raw', text }),
    pageBreak: () => void blocks.push({ kind: 'page' }),
    prose: (text) => void blocks.push({ kind: 'prose', text }),
    table: (table) => void blocks.push({ kind: 'table', table }),
    targets: (targets) => void blocks.push({ kind: 'targets', targets }),
    pageNumber: (text) => void blocks.push({ kind: 'line', text, pageNumber: true })
  };
}

/** The document as text, as the real seed shows it after PDF extraction. */
export function writeDocument(input: DocumentInput, random: Random): string {
  return documentText(composeDocument(input, random));
}

/** The text of a composed document: its marker line, then its blocks in the extracted-PDF layout. */
export function documentText(doc: ComposedDocument): string {
  const L = createLayout();
  for (const b of doc.blocks) {
    if (b.kind === 'page') L.pageBreak();
    else if (b.kind === 'line') (b.tight ? L.tight : L.line)(b.text);
    else if (b.kind === 'raw') L.raw(b.text);
    else if (b.kind === 'prose') L.prose(b.text);
    else if (b.kind === 'table') writeTableText(L, b.table);
    else writeTargetTableText(L, b.targets);
  }
  return `# synthetic: gongkai generator seed=${doc.seed}\n${L.text()}\n `;
}

/** Draw one document's content: every block, in order. */
export function composeDocument(input: DocumentInput, random: Random): ComposedDocument {
  const { unit, year, figures: f, accounts: a, prev, prevAccounts: pa, variant: v } = input;
  const blocks: Block[] = [];
  const B = v.kind === 'budget' ? '预算' : '决算';
  const money = v.inYuan ? '元' : '万元';
  const amt = (x: number) => formatAmount(x, v.inYuan);
  /** Amount as the narrative writes it: 0 stays "0". */
  const nar = (x: number) => (x === 0 ? '0' : amt(x));
  const comma = () => (random.chance(0.3) ? ',' : '，');
  const sp = () => (random.chance(0.25) ? '' : ' ');
  /** "比上年预算减少 19.75 万元，下降 29.43%" */
  const change = (now: number, before: number) => {
    const d = now - before;
    if (d === 0) return `比上年${B}增加 0${sp()}${money}，增长 0%`;
    const word = d > 0 ? ['增加', '增长'] : ['减少', '下降'];
    return `比上年${B}${word[0]} ${nar(Math.abs(d))} ${money}${comma()}${word[1]} ${formatPercent(d, before)}`;
  };
  const shortChange = (now: number, before: number) => change(now, before).replace(`比上年${B}`, '');
  const L = createRecorder(blocks);
  const prose = (text: string) => L.prose(v.halfWidth ? toHalfWidth(text) : text);
  const name = unit.name;
  const classes = a.functional.filter((r) => r.code.length === 3);
  const items = a.functional.filter((r) => r.code.length === 7);

  // 第一部分 概况
  L.pageBreak();
  for (const l of wrap(`第一部分 ${name}部门`)) L.line(l);
  L.line('概况');
  L.line('一、 主要职能');
  unit.template.duties.forEach((d, i) => prose(`${i + 1}.${d}`));
  L.line('二、 机构设置及人员情况');
  const offices = officesOf(unit, random);
  prose(`${name}无下属预算单位，下设 ${offices.length}个处室，分别是：${offices.join('、')}。`);
  const s = f.staff;
  const ps = prev.staff;
  const staffActual = a.staffActual + (v.plant?.kind === 'staffing_sum' ? v.plant.delta! : 0);
  const dStaff = (now: number, before: number) =>
    now <= before ? `减少 ${before - now}${sp()}人` : `增加 ${now - before}${sp()}人`;
  prose(
    `${name}编制数 ${s.authorized}，实有人数 ${staffActual} 人，其中：在职 ${s.inService} 人，${dStaff(s.inService, ps.inService)}；` +
      `退休 ${s.retired} 人，${dStaff(s.retired, ps.retired)}；离休 ${s.separated} 人，${dStaff(s.separated, ps.separated)}。`
  );

  // 第二部分 公开表
  L.pageBreak();
  L.line(`第二部分 ${year} 年部门${B}公开表`);
  const tc: TableContext = { unit, year, figures: f, accounts: a, variant: v };
  const t10 = table10(tc);
  for (const t of [
    table1(tc),
    table2(tc),
    table35(3, tc),
    table4(tc),
    table35(5, tc),
    table6(tc),
    table7(tc),
    emptyTable(8, tc),
    emptyTable(9, tc),
    t10
  ])
    L.table(t);

  // 第三部分 情况说明
  L.pageBreak();
  L.line(`第三部分 ${year} 年部门${B}情况说明`);
  const head = (i: number, text: string) => prose(`${SECTION_NUMBERS[i]}、 关于${name}${year}年${text}`);
  const classList = classes.map((c) => FUNCTIONAL_NAMES[c.code]);
  head(0, `收支${B}情况总体说明`);
  prose(
    `按照全口径预算的原则，${name}${year} 年所有收入和支出均纳入部门${B}管理。收支总${B} ${amt(a.total)} ${money}。`
  );
  prose(`收入${B}包括：一般公共预算。`);
  prose(`支出${B}包括：${classList.join('、')}。`);

  head(1, `收入${B}情况说明`);
  prose(`${name}部门收入${B}${amt(a.total)} ${money}，其中：`);
  prose(
    `一般公共预算 ${amt(a.total)} ${money}，占 100.00%，${change(a.total, pa.total)}，主要原因是${reason(a.total - pa.total, random)}。`
  );
  prose('上级一般公共预算安排的转移支付资金未安排。');
  prose(
    `政府性基金预算 ${amt(0)} ${money}，占 0.00%，${change(0, 0)}，主要原因是 ${year} 年未申报政府性基金预算。`
  );
  prose('上级政府性基金安排的转移支付资金未安排。');
  prose(
    `国有资本经营预算 ${amt(0)} ${money}，占 0.00%，${change(0, 0)}，主要原因是 ${year} 年未申报国有资本经营预算。`
  );
  prose('上级国有资本经营预算安排的转移支付资金未安排。');

  head(2, `支出${B}情况说明`);
  prose(`${name}${year} 年支出${B}${amt(a.total)} ${money}，其中：`);
  prose(
    `基本支出 ${amt(a.basic)} ${money}，占 ${formatPercent(a.basic, a.total)}，${change(a.basic, pa.basic)}，主要原因是${staffReason(s.inService - ps.inService)}。`
  );
  prose(
    `项目支出 ${amt(a.project)} ${money}，占 ${formatPercent(a.project, a.total)}，${change(a.project, pa.project)}，主要原因是${projectReason(a.project - pa.project)}。`
  );

  if (input.initial) {
    const ia = input.initial.accounts;
    for (const [what, budget, actual] of [
      ['支出总计', ia.total, a.total],
      ['基本支出', ia.basic, a.basic],
      ['项目支出', ia.project, a.project]
    ] as const)
      prose(
        `${year} 年度${what}年初预算为 ${nar(budget)} ${money}，支出决算为 ${nar(actual)} ${money}，完成年初预算的 ${formatPercent(actual, budget)}。`
      );
  }

  head(3, `财政拨款收支${B}情况总体说明`);
  prose(`${name}${year} 年财政拨款收支总${B} ${amt(a.total)} ${money}。`);
  prose('收入全部为一般公共预算拨款，无政府性基金预算拨款和国有资本经营预算。');
  prose(`收入${B}包括：一般公共预算拨款 ${amt(a.total)} ${money}。`);
  prose(
    `一般公共预算支出包括：${classes.map((c) => `${FUNCTIONAL_NAMES[c.code]} ${amt(c.basic + c.project)} ${money}，主要用于${usage(c.code)}`).join('；')}。`
  );

  head(4, '一般公共预算当年拨款情况说明');
  prose(`${SUB[0]}一般公共预算当年拨款规模变化情况`);
  prose(`${name}${year} 年一般公共预算拨款合计 ${amt(a.total)} ${money}，其中：`);
  if (input.initial) {
    // as real 决算 narratives state it: the 一般公共预算财政拨款 spending against its 年初预算
    const ib = input.initial.accounts.total;
    prose(
      `一般公共预算财政拨款支出年初预算为 ${nar(ib)} ${money}，支出决算为 ${nar(a.total)} ${money}，完成年初预算的 ${formatPercent(a.total, ib)}。`
    );
  }
  prose(
    `基本支出 ${amt(a.basic)} ${money}，${change(a.basic, pa.basic)}。主要原因是${staffReason(s.inService - ps.inService)}。`
  );
  prose(
    `项目支出 ${amt(a.project)} ${money}，${change(a.project, pa.project)}。主要原因是${projectReason(a.project - pa.project)}。`
  );
  prose(`${SUB[1]}一般公共预算当年拨款结构情况`);
  classes.forEach((c, i) =>
    prose(
      `${i + 1}、${FUNCTIONAL_NAMES[c.code]}（类）${amt(c.basic + c.project)} ${money}，占 ${formatPercent(c.basic + c.project, a.total)}。`
    )
  );
  prose(`${SUB[2]}一般公共预算当年拨款具体使用情况`);
  const prevItems = new Map(pa.functional.map((r) => [r.code, r.basic + r.project]));
  items.forEach((r, i) => {
    const now = r.basic + r.project;
    const before = prevItems.get(r.code) ?? 0;
    const path = `${FUNCTIONAL_NAMES[r.code.slice(0, 3)]}（类）${FUNCTIONAL_NAMES[r.code.slice(0, 5)]}（款）${FUNCTIONAL_NAMES[r.code]}（项）`;
    prose(
      `${i + 1}、${path}：${year} 年${B}数为 ${amt(now)} ${money}，${change(now, before)}。主要原因是${reason(now - before, random)}。`
    );
  });

  head(5, '一般公共预算基本支出情况说明');
  prose(`${name}${year} 年一般公共预算基本支出 ${amt(a.basic)} ${money}，其中：`);
  const econ = [...f.economic.keys()];
  prose(
    `人员经费 ${amt(a.personnel)} ${money}，主要包括：${econ
      .filter((c) => !c.startsWith('302'))
      .map((c) => ECONOMIC_NAMES[c])
      .join('、')}。`
  );
  prose(
    `公用经费 ${amt(a.public)} ${money}，主要包括：${econ
      .filter((c) => c.startsWith('302'))
      .map((c) => ECONOMIC_NAMES[c])
      .join('、')}。`
  );

  head(6, '一般公共预算项目支出情况说明');
  f.projects.forEach((p, i) => {
    prose(`${SUB[i % SUB.length]}项目名称：${p.name}`);
    prose(`设立的政策依据：根据${random.pick(BASES)}安排，保障${p.name.replace(/经费$/, '')}工作所需`);
    prose(`预算安排规模：${amt(p.amount)} ${money}`);
    prose(`项目承担单位：${name}`);
    prose(`资金分配情况：用于${p.name.replace(/专项经费$|经费$/, '')}相关支出`);
    prose(`资金执行时间：${year} 年 1月 1 日到 ${year} 年 12 月 31 日`);
  });

  head(7, '政府性基金预算拨款情况说明');
  prose(`${name}${year} 年没有使用政府性基金预算拨款安排的支出，政府性基金预算支出情况表为空表。`);
  head(8, '国有资本经营预算情况说明');
  prose(`${name}${year} 年没有使用国有资本经营预算拨款安排的支出，国有资本经营预算支出情况表为空表。`);

  head(9, `财政拨款“三公”经费${B}情况说明`);
  const t = f.three;
  const pt = prev.three;
  const threeStated = a.threeTotal + (v.plant?.kind === 'narrative_vs_table' ? v.plant.delta! : 0);
  const ow = v.overseasWording;
  if (input.initial) {
    // A 决算 document compares the year's spending with its 年初预算 (the start-of-year budget).
    const ia = input.initial.accounts;
    const it = input.initial.figures.three;
    t10.three!.budget = {
      total: ia.threeTotal,
      overseas: it.overseas,
      vehicleTotal: ia.vehicleTotal,
      vehiclePurchase: it.vehiclePurchase,
      vehicleOperation: it.vehicleOperation,
      reception: it.reception
    };
    prose(
      `${year} 年度财政拨款“三公”经费支出年初预算为 ${nar(ia.threeTotal)} ${money}，支出决算为 ${nar(threeStated)} ${money}，` +
        `完成年初预算的 ${formatPercent(threeStated, ia.threeTotal)}。`
    );
  }
  prose(
    `${name}${year} 年财政拨款“三公”经费${B}数为 ${amt(threeStated)} ${money}，其中：${ow} ${nar(t.overseas)} ${money}，` +
      `公务用车购置费 ${nar(t.vehiclePurchase)} ${money}，公务用车运行费 ${nar(t.vehicleOperation)} ${money}，公务接待费 ${nar(t.reception)} ${money}。`
  );
  const why = (now: number, before: number) =>
    now === 0 && before === 0
      ? v.kind === 'budget'
        ? `主要原因是 ${year} 年未安排此项预算经费，所以增长 0%`
        : `主要原因是 ${year} 年未发生此项支出，所以增长 0%`
      : now < before
        ? '主要原因是按照厉行节约原则压减了此项费用'
        : '主要原因是工作任务增加，此项费用有所增加';
  prose(
    `${year} 年财政拨款“三公”经费${B}${change(threeStated, pa.threeTotal)}，其中：` +
      `${ow}${shortChange(t.overseas, pt.overseas)}，${why(t.overseas, pt.overseas)}；` +
      `公务用车购置费${shortChange(t.vehiclePurchase, pt.vehiclePurchase)}，${why(t.vehiclePurchase, pt.vehiclePurchase)}；` +
      `公务用车运行费${shortChange(t.vehicleOperation, pt.vehicleOperation)}，${why(t.vehicleOperation, pt.vehicleOperation)}；` +
      `公务接待费${shortChange(t.reception, pt.reception)}，${why(t.reception, pt.reception)}。`
  );

  prose(`十一、 其他重要事项的情况说明`);
  let sub = 0;
  prose(`${SUB_HALF[sub++]} 机关运行经费情况`);
  prose(
    `${year} 年，${name}本级的机关运行经费财政拨款${B}${amt(a.public)}${money}，${change(a.public, pa.public)}。主要原因是${reason(a.public - pa.public, random)}。`
  );
  if (v.withProcurement) {
    const pr = f.procurement;
    prose(`${SUB_HALF[sub++]} 政府采购情况`);
    prose(
      `${year} 年，${name}政府采购${B} ${nar(a.procurementTotal)} ${money}，其中：政府采购货物${B} ${nar(pr.goods)} ${money}，` +
        `政府采购工程${B} ${nar(pr.works)} ${money}，政府采购服务${B} ${nar(pr.services)}${sp()}${money}。`
    );
    prose(
      `${year} 年度本部门面向中小企业预留政府采购项目${B}金额 ${nar(pr.smes)}${sp()}${money}，其中：面向小微企业预留政府采购项目${B}金额 ${nar(pr.smes)}${sp()}${money}。`
    );
  }
  if (v.withAssets) {
    const ve = f.vehicles;
    const as = f.assets;
    prose(`${SUB_HALF[sub++]} 国有资产占用使用情况`);
    // a budget reports the assets held at the end of the year before; a 决算 those at its own year's end
    prose(`截至 ${v.kind === 'budget' ? year - 1 : year} 年底，${name}占用使用国有资产总体情况为`);
    prose(`1.房屋 ${(as.area / 100).toFixed(2)} 平方米，价值 ${amt(as.houseValue)} ${money}。`);
    const n = a.vehiclesCount;
    const part = (k: number) => (n === 0 ? 0 : Math.round((ve.value * k) / n));
    let gv = part(ve.general);
    let ev = part(ve.enforcement);
    let ov = n === 0 ? 0 : ve.value - gv - ev;
    // the rounding remainder goes to a kind that has vehicles (never a value for 0 vehicles)
    if (ve.other === 0 && ov !== 0) {
      if (ve.enforcement > 0) ev += ov;
      else gv += ov;
      ov = 0;
    }
    prose(
      `2.车辆 ${n}辆，价值 ${amt(gv + ev + ov)} ${money}；其中：一般公务用车 ${ve.general}辆，价值 ${amt(gv)} ${money}；` +
        `执法执勤用车 ${ve.enforcement}辆，价值 ${amt(ev)} ${money}；其他车辆 ${ve.other} 辆，价值 ${amt(ov)} ${money}。`
    );
    prose(`3.办公家具价值 ${amt(as.furniture)} ${money}。`);
    prose(`4.其他资产价值 ${amt(as.other)} ${money}。`);
    prose('单位价值 50 万元以上大型设备 0 台，单位价值 100 万元以上大型设备 0 台。');
    prose(
      t.vehiclePurchase > 0
        ? `${year} 年部门${B}安排购置车辆经费 ${amt(t.vehiclePurchase)} ${money}，安排购置 50 万元以上大型设备 0 台，单位价值 100 万元以上大型设备 0 台。`
        : `${year} 年部门${B}未安排购置车辆经费，安排购置 50 万元以上大型设备 0 台，单位价值 100 万元以上大型设备 0 台。`
    );
  }
  prose(`${SUB_HALF[sub++]} ${B}绩效情况`);
  prose(
    `${year} 年，本年度实行绩效管理的财政拨款项目 ${f.projects.length}个，涉及${B}金额 ${amt(a.project)} ${money}；非财政拨款项目 0 个，涉及${B}金额 ${amt(0)} ${money}。`
  );
  const withoutTargets = v.plant?.kind === 'project_without_targets' ? v.plant.project : null;
  let page = 20 + random.int(0, 10);
  f.projects.forEach((p, i) => {
    if (p.name === withoutTargets) return;
    L.targets(
      targetTable(
        {
          project: p,
          unitShort: unit.shortName,
          inYuan: v.inYuan,
          firstOnPage: i === 0 || random.chance(0.5)
        },
        random
      )
    );
    L.pageNumber(String(page++));
  });
  prose(`${SUB_HALF[sub]} 其他需说明的事项`);
  prose('无其他需说明事项。');

  L.pageBreak();
  L.line('第四部分 名词解释');
  L.raw(T.GLOSSARY);
  for (const l of wrap(name)) L.line(l);
  const d = v.published;
  L.line(`${d.year} 年 ${d.month}月 ${d.day} 日`);
  return { seed: v.seed, unitName: name, year, kind: v.kind, inYuan: v.inYuan, published: d, blocks };
}

const fillCache = new Map<string, string>();
let fillCacheFor = '';

/** A template block with the unit name and money unit filled in (cached per unit: its documents share them). */
function filled(block: string, unitName: string, money: string): string {
  const key = `${unitName}|${money}`;
  if (key !== fillCacheFor) {
    fillCache.clear();
    fillCacheFor = key;
  }
  let text = fillCache.get(block);
  if (text === undefined) {
    text = block.split('{unit}').join(unitName).split('{money}').join(money);
    fillCache.set(block, text);
  }
  return text;
}

/** 表 N heading at a page start, then the title and the header block. */
function tableHead(L: Layout, n: number, block: string) {
  L.pageBreak();
  L.line(`表 ${n}`);
  L.raw(block);
}

/** A code row; names longer than `width` wrap the way the extractor splits a narrow cell. */
function codeRow(L: Layout, code: string, name: string, amounts: string, width: number) {
  if (name.length <= width) {
    L.line(`${spacedCode(code)} ${name} ${amounts}`);
    return;
  }
  L.line(spacedCode(code));
  L.tight(name.slice(0, width));
  for (let i = width; i < name.length; i += width) L.line(name.slice(i, i + width));
  L.tight(amounts);
}

/** A table's cells as the text prints them: the non-empty ones, space-separated (amounts formatted). */
function cellsText(cells: readonly Cell[], inYuan: boolean): string {
  const out: string[] = [];
  for (const c of cells) if (c !== null) out.push(typeof c === 'number' ? formatAmount(c, inYuan) : c);
  return out.join(' ');
}

/** One of 表1–表10 in the extracted-text layout of the seed (header blocks from the template). */
function writeTableText(L: Layout, t: Table) {
  const inYuan = t.money === '元';
  const fill = (block: string) => filled(block, t.unitName, t.money);
  const text = (cells: readonly Cell[]) => cellsText(cells, inYuan);
  const [total, ...rows] = t.rows;
  switch (t.no) {
    case 1: {
      const B = t.kind === 'budget' ? '预算' : '决算';
      L.pageBreak();
      L.line('表 1');
      L.line(t.title);
      L.line(fill('编制部门：{unit} 单位：{money}'));
      L.line('收入 支出');
      L.line(`项目 ${B}数 支出功能分类 ${B}数`);
      for (const r of t.rows) L.line(text(r.cells));
      return;
    }
    case 2: {
      tableHead(L, 2, fill(T.T2_HEAD));
      L.line(text(total.cells));
      let onPage = 1;
      for (const r of rows) {
        if (onPage >= 14) {
          L.pageBreak();
          L.raw(fill(T.T2_REPEAT.trimStart()));
          onPage = 0;
        }
        codeRow(L, r.code!, r.cells[0] as string, text(r.cells.slice(1)), 13);
        onPage++;
      }
      return;
    }
    case 3:
    case 5:
    case 6: {
      let head = t.no === 3 ? T.T3_HEAD : t.no === 5 ? T.T5_HEAD : T.T6_HEAD;
      if (t.no === 3 && t.kind === 'final') head = head.replace('项目 支出预算', '项目 支出决算');
      head = fill(head);
      tableHead(L, t.no, head);
      const repeat = head.slice(head.indexOf('编制部门'));
      const perPage = t.no === 6 ? 32 : 30;
      L.line(text(total.cells));
      let onPage = 1;
      for (const r of rows) {
        if (onPage >= perPage) {
          L.pageBreak();
          L.raw(repeat);
          onPage = 0;
        }
        L.line(`${spacedCode(r.code!)} ${r.cells[0]} ${text(r.cells.slice(1))}`);
        onPage++;
      }
      return;
    }
    case 4:
      tableHead(L, 4, fill(T.T4_HEAD));
      for (const r of t.rows) L.line(text(r.cells));
      return;
    case 7: {
      tableHead(L, 7, fill(T.T7_HEAD));
      // the text has two amount columns: 合计, and 合计 again (where the PDF splits it by economic class)
      const twice = (r: { cells: Cell[] }) => text([r.cells[2], r.cells[2]]);
      L.line(`总计 ${twice(total)}`);
      for (const r of rows) {
        const name = r.cells[0] as string;
        if (r.role === 'unit') {
          // the unit row: its name split at the cell width, the amounts glued to the last part (as in the seed)
          for (let i = 0; i < name.length; i += 15) L.line(name.slice(i, i + 15));
          L.tight(twice(r));
        } else if (r.cells[1] === null) codeRow(L, r.code!, name, twice(r), 13);
        else L.line(`${spacedCode(r.code!)} ${name} ${r.cells[1]} ${twice(r)}`);
      }
      return;
    }
    case 8:
    case 9:
      tableHead(L, t.no, fill(t.no === 8 ? T.T8_HEAD : T.T9_HEAD));
      for (const l of wrap(t.note!, 48)) L.line(l);
      return;
    case 10:
      tableHead(L, 10, fill(T.T10_HEAD));
      for (const r of t.rows) L.line(text(r.cells));
      return;
  }
}

const BASES = ['《政府工作报告》', '年度重点工作任务', '上级主管部门工作要求', '本级党委、政府决策部署'];

function reason(delta: number, random: Random): string {
  if (delta === 0) return '本年度该项支出与上年持平';
  return delta > 0
    ? random.pick([
        '业务工作量增加，相关支出相应增加',
        '人员工资标准调整，相关支出有所增加',
        '新增年度重点工作任务'
      ])
    : random.pick([
        '落实过紧日子要求，压减一般性支出',
        '部分项目完成，支出相应减少',
        '按照厉行节约原则压减了相关费用'
      ]);
}

const staffReason = (d: number) =>
  d < 0
    ? `本单位人员减少 ${-d}人，相关支出相应减少`
    : d > 0
      ? `本单位人员增加 ${d}人，相关支出相应增加`
      : '人员工资及社会保障缴费标准调整';

const projectReason = (d: number) =>
  d > 0
    ? '新增部分专项工作经费，导致项目预算拨款比上年有所增加'
    : d < 0
      ? '部分项目完成或压减，导致项目预算拨款比上年有所减少'
      : '项目安排与上年基本持平';

function usage(code: string): string {
  if (code === '208') return '单位基本养老保险缴费支出';
  if (code === '210') return '单位医疗保险缴费支出';
  if (code === '221') return '单位公积金缴费支出';
  return '人员工资、福利等基本支出以及专项业务支出';
}

function officesOf(unit: Unit, random: Random): string[] {
  const pool =
    unit.type === '事业'
      ? ['办公室', '业务科', '财务科', '后勤保障科', '综合科', '质量管理科', '信息科']
      : [
          '办公室',
          '综合科',
          '政策法规科',
          '计划财务科',
          '业务一科',
          '业务二科',
          '督查室',
          '信息科',
          '人事科'
        ];
  const n = Math.max(3, Math.min(pool.length, Math.round(3 + unit.template.staff / 40) + random.int(0, 2)));
  return pool.slice(0, n);
}
