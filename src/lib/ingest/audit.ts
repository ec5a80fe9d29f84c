// Document-level cross-checks over the resolved figures, the tables and the prose facts.
import type { FigureName } from '../model';
import { wan, type FindingList } from './checks';
import type { Mention } from './mentions';
import type { NarrativeFacts, NarrativeProject, StaffFacts, Stated, TargetTable } from './narrative';
import type { Item, TableProject } from './tables';

type V = Partial<Record<FigureName, Stated>>;

const lines = (...s: (Stated | undefined)[]) => s.flatMap((x) => x?.lines ?? []);

export function auditFigures(v: V, items: Item[], f: FindingList) {
  const val = (n: FigureName) => v[n]?.value;
  // 收入总计 = 支出总计
  f.equal(
    'income_equals_expenditure',
    'error',
    { zh: '收入总计与支出总计不等', en: 'Total income differs from total expenditure' },
    val('total_income'),
    val('total_expenditure'),
    lines(v.total_income, v.total_expenditure)
  );
  // 总计 = 基本支出 + 项目支出
  const t3 = items.find(
    (x) => (x.table_no === 3 || x.table_no === 5) && x.name === '总计' && x.measure === 'total'
  );
  const total = t3?.amount ?? val('total_expenditure');
  if (val('basic_expenditure') !== undefined && val('project_expenditure') !== undefined)
    f.equal(
      'total_equals_basic_plus_project',
      'error',
      {
        zh: '支出合计不等于基本支出与项目支出之和',
        en: 'Total expenditure is not basic + project expenditure'
      },
      val('basic_expenditure')! + val('project_expenditure')!,
      total,
      [...(t3 ? [t3.source_line] : []), ...lines(v.basic_expenditure, v.project_expenditure)],
      2
    );
  // 人员经费 + 公用经费 = 基本支出 (表6 is the general budget's basic expenditure: compare with 表5 first)
  const basic5 = items.find((x) => x.table_no === 5 && x.name === '总计' && x.measure === 'basic');
  if (val('personnel_expense') !== undefined && val('public_expense') !== undefined)
    f.equal(
      'basic_equals_personnel_plus_public',
      'error',
      {
        zh: '人员经费与公用经费之和不等于基本支出',
        en: 'Personnel + public expense is not basic expenditure'
      },
      val('personnel_expense')! + val('public_expense')!,
      basic5?.amount ?? val('basic_expenditure'),
      [
        ...(basic5 ? [basic5.source_line] : []),
        ...lines(v.personnel_expense, v.public_expense, v.basic_expenditure)
      ],
      2
    );
  // 三公合计 = 出国 + 车辆 + 接待; 车辆 = 购置 + 运行
  const vehicle = val('vehicle_total') ?? sumIfAny(val('vehicle_purchase'), val('vehicle_operation'));
  const parts = [val('overseas_travel'), vehicle, val('reception')];
  if (val('three_public_total') !== undefined && parts.some((x) => x !== undefined))
    f.equal(
      'three_public_sum',
      'error',
      { zh: '“三公”经费合计不等于各项之和', en: '“Three public” total is not the sum of its parts' },
      parts.reduce<number>((s, x) => s + (x ?? 0), 0),
      val('three_public_total'),
      lines(v.three_public_total, v.overseas_travel, v.vehicle_total, v.reception),
      3
    );
  if (
    val('vehicle_total') !== undefined &&
    (val('vehicle_purchase') !== undefined || val('vehicle_operation') !== undefined)
  )
    f.equal(
      'vehicle_sum',
      'error',
      { zh: '公务用车购置及运行费不等于购置费与运行费之和', en: 'Vehicle total is not purchase + operation' },
      (val('vehicle_purchase') ?? 0) + (val('vehicle_operation') ?? 0),
      val('vehicle_total'),
      lines(v.vehicle_total, v.vehicle_purchase, v.vehicle_operation),
      2
    );
  // 表10 vs 表6: 302 17 公务接待费, 302 31 公务用车运行维护费
  const econ = (code: string) =>
    items.find((x) => x.table_no === 6 && x.code === code && x.measure === 'total');
  const pairs: [string, FigureName, string, string][] = [
    ['30217', 'reception', '公务接待费', 'reception'],
    ['30231', 'vehicle_operation', '公务用车运行维护费', 'vehicle operation']
  ];
  for (const [code, fig, zh, en] of pairs) {
    const e = econ(code);
    const tp = items.find((x) => x.table_no === 10 && x.measure === fig);
    if (!e || !tp) continue;
    f.equal(
      'three_public_vs_economic',
      'warning',
      {
        zh: `表10 ${zh}与表6 ${code.slice(0, 3)} ${code.slice(3)} ${zh}不一致`,
        en: `Table 10 ${en} differs from table 6 ${code}`
      },
      e.amount,
      tp.amount,
      [e.source_line, tp.source_line],
      1,
      0,
      [
        { zh: '表10', en: 'table 10', value: tp.amount ?? 0, lines: [tp.source_line] },
        { zh: '表6', en: 'table 6', value: e.amount ?? 0, lines: [e.source_line] }
      ]
    );
  }
  // 表1 functional classes vs 表3 class totals: one finding per disagreement (a 表3 row that alone differs
  // from its own sub-items and from 表1 is already the tree_sum finding, which then names 表1 as well)
  for (const it of items.filter((x) => x.table_no === 1 && x.code)) {
    const t = items.find((x) => x.table_no === 3 && x.code === it.code && x.measure === 'total');
    if (!t || it.amount === null || t.amount === null) continue;
    const tree = f.list.find(
      (x) =>
        x.check === 'tree_sum' &&
        x.message_en.startsWith(`Table 3 ${t.code} `) &&
        x.message_en.includes('(total)') &&
        x.expected !== null &&
        Math.abs(x.expected - it.amount!) <= 0.01 + 1e-9
    );
    if (tree && Math.abs(t.amount - it.amount) > 0.01 + 1e-9) {
      const at = f.place([it.source_line]);
      tree.message_zh += `；表1 ${it.code} ${it.name}亦为 ${wan(it.amount).zh}（${at.zh}）`;
      tree.message_en += `; table 1 ${it.code} ${it.name} also states ${wan(it.amount).en} (${at.en})`;
      tree.source_lines = [...new Set([...tree.source_lines.split(',').map(Number), it.source_line])]
        .sort((a, b) => a - b)
        .join(',');
      continue;
    }
    f.equal(
      'summary_vs_detail',
      'error',
      {
        zh: `表1 与表3 的 ${it.code} ${it.name}不一致`,
        en: `Tables 1 and 3 disagree on ${it.code} ${it.name}`
      },
      t.amount,
      it.amount,
      [it.source_line, t.source_line],
      1,
      0,
      [
        { zh: '表1', en: 'table 1', value: it.amount, lines: [it.source_line] },
        { zh: '表3', en: 'table 3', value: t.amount, lines: [t.source_line] }
      ]
    );
  }
  // 表3's total is this year's spending: 表1's 本年支出合计 where it has one (a 决算's 总计 adds carry-overs)
  const t1total =
    items.find((x) => x.table_no === 1 && x.measure === 'expenditure_current') ??
    items.find((x) => x.table_no === 1 && x.measure === 'total_expenditure');
  const t3total = items.find((x) => x.table_no === 3 && x.name === '总计' && x.measure === 'total');
  if (t1total && t3total)
    f.equal(
      'summary_vs_detail',
      'error',
      { zh: '表1支出总计与表3合计不一致', en: 'Table 1 total expenditure differs from table 3 total' },
      t3total.amount,
      t1total.amount,
      [t1total.source_line, t3total.source_line],
      1,
      0,
      [
        {
          zh: `表1${t1total.name}`,
          en: `table 1 ${t1total.name}`,
          value: t1total.amount ?? 0,
          lines: [t1total.source_line]
        },
        { zh: '表3总计', en: 'table 3 total', value: t3total.amount ?? 0, lines: [t3total.source_line] }
      ]
    );
  // 机关运行经费 vs 公用经费: equal for an administrative unit's budget; a difference is worth a look
  if (val('operating_expense') !== undefined && val('public_expense') !== undefined) {
    f.equal(
      'operating_vs_public',
      'info',
      { zh: '机关运行经费与公用经费不等', en: 'Office operating expense differs from public expense' },
      val('public_expense'),
      val('operating_expense'),
      lines(v.operating_expense, v.public_expense),
      1,
      Math.max(v.operating_expense?.precision ?? 0, v.public_expense?.precision ?? 0)
    );
  }
}

function sumIfAny(a?: number, b?: number): number | undefined {
  return a === undefined && b === undefined ? undefined : (a ?? 0) + (b ?? 0);
}

/** Σ part changes = total change for 三公 (when every part's change is stated). */
export function auditChanges(mentions: Mention[], f: FindingList) {
  const change = (n: FigureName) =>
    mentions.find(
      (m) => m.figure === n && m.kind === 'change' && m.against === 'prior' && m.period === 'current'
    );
  const total = change('three_public_total');
  const vehicle =
    change('vehicle_total') ??
    (change('vehicle_purchase') || change('vehicle_operation')
      ? ({
          value: (change('vehicle_purchase')?.value ?? 0) + (change('vehicle_operation')?.value ?? 0),
          lines: []
        } as unknown as Mention)
      : undefined);
  const parts = [change('overseas_travel'), vehicle, change('reception')];
  if (total && parts.every((p) => p !== undefined)) {
    f.equal(
      'change_sum',
      'warning',
      {
        zh: '“三公”经费各项变动额之和不等于合计变动额',
        en: 'The parts’ changes do not add up to the “three public” change'
      },
      parts.reduce((s, p) => s + p!.value, 0),
      total.value,
      [...total.lines, ...parts.flatMap((p) => p!.lines)],
      4
    );
  }
  // shares of 基本支出 and 项目支出 in the same total add up to 100%
  const share = (n: FigureName) =>
    mentions.find((m) => m.figure === n && m.kind === 'value' && m.period === 'current' && m.pct !== null);
  const b = share('basic_expenditure');
  const p = share('project_expenditure');
  if (b && p && Math.abs(b.pct! + p.pct! - 100) > 0.02 + 1e-9)
    f.add(
      'share_sum',
      'warning',
      `基本支出占 ${b.pct}% 与项目支出占 ${p.pct}% 之和不是 100%`,
      `Basic (${b.pct}%) and project (${p.pct}%) shares do not add up to 100%`,
      100,
      Math.round((b.pct! + p.pct!) * 100) / 100,
      [...b.lines, ...p.lines]
    );
}

export function auditStaff(staff: StaffFacts, f: FindingList) {
  const c = staff.counts;
  if (staff.partsOfActual && c.staff_actual && (c.staff_in_service || c.staff_retired || c.staff_separated)) {
    const sum =
      (c.staff_in_service?.value ?? 0) + (c.staff_retired?.value ?? 0) + (c.staff_separated?.value ?? 0);
    if (sum !== c.staff_actual.value)
      f.add(
        'staff_parts',
        'error',
        `实有人数 ${c.staff_actual.value} 人不等于在职、退休、离休人数之和 ${sum} 人`,
        `Actual staff of ${c.staff_actual.value} people is not in service + retired + separated = ${sum} people`,
        sum,
        c.staff_actual.value,
        lines(c.staff_actual, c.staff_in_service, c.staff_retired, c.staff_separated)
      );
  }
  if (c.staff_authorized && c.staff_in_service && c.staff_in_service.value > c.staff_authorized.value)
    f.add(
      'staff_over_authorized',
      'info',
      `在职人数 ${c.staff_in_service.value} 人超过编制数 ${c.staff_authorized.value} 人`,
      `Staff in service (${c.staff_in_service.value} people) exceed the authorized ${c.staff_authorized.value}`,
      c.staff_authorized.value,
      c.staff_in_service.value,
      lines(c.staff_authorized, c.staff_in_service)
    );
}

export function auditFacts(facts: NarrativeFacts, v: V, f: FindingList) {
  if (facts.noSubordinates && facts.subordinates)
    f.add(
      'subordinates_contradiction',
      'warning',
      `文中称“无下属预算单位”，又称下属 ${facts.subordinates.count} 家单位`,
      `The text says the unit has no subordinate budget units, and also that it has ${facts.subordinates.count} (下属 ${facts.subordinates.count} 家)`,
      0,
      facts.subordinates.count,
      [...facts.noSubordinates, ...facts.subordinates.lines]
    );
  if (facts.vehicles && facts.vehicles.value === 0 && (v.vehicle_operation?.value ?? 0) > 0)
    f.add(
      'vehicles_without_fleet',
      'warning',
      `占用车辆 0 辆，却安排公务用车运行费 ${wan(v.vehicle_operation!.value).zh}`,
      `The unit holds 0 vehicles but budgets ${wan(v.vehicle_operation!.value).en} for vehicle operation`,
      0,
      v.vehicle_operation!.value,
      lines(facts.vehicles, v.vehicle_operation)
    );
  const p = facts.procurement;
  if (v.procurement_total && (p.goods || p.works || p.services))
    f.equal(
      'procurement_sum',
      'error',
      {
        zh: '政府采购预算不等于货物、工程、服务之和',
        en: 'Procurement total is not goods + works + services'
      },
      (p.goods?.value ?? 0) + (p.works?.value ?? 0) + (p.services?.value ?? 0),
      v.procurement_total.value,
      lines(v.procurement_total, p.goods, p.works, p.services),
      3
    );
}

/** 表7 projects vs 项目支出 vs the narrative's project list vs the 绩效目标表. */
export function auditProjects(
  t7: TableProject[],
  narrative: NarrativeProject[],
  targets: TargetTable[],
  facts: NarrativeFacts,
  projectTotal: Stated | undefined,
  f: FindingList
) {
  const norm = (s: string) => s.replace(/\s+/g, '');
  if (t7.length && projectTotal) {
    f.equal(
      'projects_sum',
      'error',
      { zh: '表7各项目之和不等于项目支出', en: 'Table 7 projects do not add up to project expenditure' },
      t7.reduce((s, p) => s + (p.amount ?? 0), 0),
      projectTotal.value,
      [...projectTotal.lines, ...t7.map((p) => p.line)],
      t7.length
    );
  }
  const listed = t7.length ? t7 : narrative.map((p) => ({ ...p, code: null }));
  if (targets.length) {
    for (const p of listed) {
      const t = targets.find((x) => norm(x.name) === norm(p.name));
      if (!t)
        f.add(
          'project_without_targets',
          'warning',
          `项目“${p.name}”（${wan(p.amount).zh}）没有绩效目标表`,
          `Project “${p.name}” (${wan(p.amount).en}) has no performance target table`,
          null,
          p.amount,
          [p.line]
        );
      else if (t.amount !== null && p.amount !== null)
        f.equal(
          'project_target_amount',
          'warning',
          {
            zh: `项目“${p.name}”绩效目标表金额与表7不一致`,
            en: `Project “${p.name}”: target table amount differs from table 7`
          },
          p.amount,
          t.amount,
          [p.line, t.line],
          1,
          0,
          [
            { zh: '绩效目标表', en: 'the target table', value: t.amount, lines: [t.line] },
            { zh: '表7', en: 'table 7', value: p.amount, lines: [p.line] }
          ]
        );
    }
    for (const t of targets)
      if (!listed.some((p) => norm(p.name) === norm(t.name)))
        f.add(
          'targets_without_project',
          'warning',
          `绩效目标表中的项目“${t.name}”（${wan(t.amount).zh}）不在项目支出表中`,
          `The target table's project “${t.name}” (${wan(t.amount).en}) is not among the listed projects`,
          null,
          t.amount,
          [t.line]
        );
  }
  if (t7.length && narrative.length) {
    for (const n of narrative) {
      const p = t7.find((x) => norm(x.name) === norm(n.name));
      if (!p)
        f.add(
          'narrative_project_missing',
          'warning',
          `说明中的项目“${n.name}”不在表7中`,
          `The narrative's project “${n.name}” is not in table 7`,
          null,
          n.amount,
          [n.line]
        );
      else if (p.amount !== null && n.amount !== null)
        f.equal(
          'narrative_project_amount',
          'error',
          {
            zh: `项目“${n.name}”说明中的金额与表7不一致`,
            en: `Project “${n.name}”: narrative amount differs from table 7`
          },
          p.amount,
          n.amount,
          [p.line, n.line],
          1,
          0,
          [
            { zh: '说明', en: 'the narrative', value: n.amount, lines: [n.line] },
            { zh: '表7', en: 'table 7', value: p.amount, lines: [p.line] }
          ]
        );
    }
  }
  if (facts.performance && t7.length) {
    if (facts.performance.projects !== t7.length)
      f.add(
        'performance_count',
        'warning',
        `预算绩效称 ${facts.performance.projects} 个项目，表7列 ${t7.length} 个`,
        `The performance paragraph counts ${facts.performance.projects} projects, table 7 lists ${t7.length}`,
        t7.length,
        facts.performance.projects,
        facts.performance.amount.lines
      );
    if (projectTotal)
      f.equal(
        'performance_amount',
        'warning',
        {
          zh: '预算绩效涉及金额与项目支出不一致',
          en: 'The performance paragraph’s amount differs from project expenditure'
        },
        projectTotal.value,
        facts.performance.amount.value,
        [...facts.performance.amount.lines, ...projectTotal.lines]
      );
  }
}
