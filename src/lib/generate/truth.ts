// The truth file beside each generated document: every figure it was generated from, under the schema's
// column names (amounts in 万元), NULL (null) for what the document does not state.
import {
  FIGURE_NAMES,
  INITIAL_FIGURES,
  initialName,
  PREV_FIGURES,
  prevName,
  type FigureName
} from '../model/schema';
import type { DocumentInput } from './document';

export interface TruthProject {
  name: string;
  code: string;
  amount: number;
  has_targets: boolean;
}

export interface Truth {
  source_kind: 'synthetic';
  seed: string;
  file: string;
  unit_name: string;
  region: string;
  year: number;
  kind: 'budget' | 'final';
  /** what the narrative's prior-year figures are: the same kind's (比上年预算 / 比上年决算) */
  prev_basis: 'budget' | 'final';
  level: string;
  /** 行政 | 参公 | 事业 */
  category: string;
  /** 教育, 卫生, 公安 … */
  sector: string;
  /** The unit the document prints amounts in; figures here are always 万元. */
  document_unit: '万元' | '元';
  published_on: string;
  figures: Record<string, number | null>;
  projects: TruthProject[];
  planted: { kind: string; detail: string }[];
  /** Functional rows (类/款/项) as 表3 should state them, 万元. */
  functional: { code: string; total: number; basic: number; project: number }[];
  /** Economic rows of 表6, 万元. */
  economic: { code: string; amount: number }[];
}

const wan = (fen: number) => fen / 100;

export function buildTruth(args: DocumentInput & { file: string }): Truth {
  const { unit, figures: f, accounts: a, prev, prevAccounts: pa, variant: v } = args;
  const stated: Partial<Record<FigureName, number | null>> = {
    total_income: wan(a.total),
    total_expenditure: wan(a.total),
    general_budget: wan(a.total),
    fund_budget: 0,
    state_capital_budget: 0,
    basic_expenditure: wan(a.basic),
    project_expenditure: wan(a.project),
    personnel_expense: wan(a.personnel),
    public_expense: wan(a.public),
    operating_expense: wan(a.public),
    three_public_total: wan(a.threeTotal),
    overseas_travel: wan(f.three.overseas),
    // 表10's 小计 row is blank and the narrative names only the parts, so a zero total is not stated.
    vehicle_total: a.vehicleTotal === 0 ? null : wan(a.vehicleTotal),
    vehicle_purchase: wan(f.three.vehiclePurchase),
    vehicle_operation: wan(f.three.vehicleOperation),
    reception: wan(f.three.reception),
    procurement_total: v.withProcurement ? wan(a.procurementTotal) : null,
    vehicles_count: v.withAssets ? a.vehiclesCount : null,
    staff_authorized: f.staff.authorized,
    staff_actual: a.staffActual + (v.plant?.kind === 'staffing_sum' ? v.plant.delta! : 0),
    staff_in_service: f.staff.inService,
    staff_retired: f.staff.retired,
    staff_separated: f.staff.separated
  };
  const prevStated: Partial<Record<FigureName, number>> = {
    general_budget: wan(pa.total),
    fund_budget: 0,
    state_capital_budget: 0,
    basic_expenditure: wan(pa.basic),
    project_expenditure: wan(pa.project),
    operating_expense: wan(pa.public),
    three_public_total: wan(pa.threeTotal),
    overseas_travel: wan(prev.three.overseas),
    vehicle_purchase: wan(prev.three.vehiclePurchase),
    vehicle_operation: wan(prev.three.vehicleOperation),
    reception: wan(prev.three.reception),
    staff_in_service: prev.staff.inService,
    staff_retired: prev.staff.retired,
    staff_separated: prev.staff.separated
  };
  const figures: Record<string, number | null> = {};
  for (const n of FIGURE_NAMES) figures[n] = stated[n] ?? null;
  for (const n of PREV_FIGURES) figures[prevName(n)] = prevStated[n] ?? null;
  // a 决算 states its 年初预算 of the totals, the 一般公共预算 spending and the 三公 total in its narrative, and of the 三公 items in 表10's
  // 预算数 column, which only the PDF prints (an empty cell for a zero)
  const ia = args.initial?.accounts;
  const pdf = args.file.endsWith('.pdf');
  const cell = (fen: number | undefined) => (pdf && fen ? wan(fen) : null);
  const it = args.initial?.figures.three;
  const initial: Record<(typeof INITIAL_FIGURES)[number], number | null> = {
    total_expenditure: ia ? wan(ia.total) : null,
    general_budget: ia ? wan(ia.total) : null,
    basic_expenditure: ia ? wan(ia.basic) : null,
    project_expenditure: ia ? wan(ia.project) : null,
    three_public_total: ia ? wan(ia.threeTotal) : null,
    overseas_travel: cell(it?.overseas),
    vehicle_total: cell(ia?.vehicleTotal),
    vehicle_purchase: cell(it?.vehiclePurchase),
    vehicle_operation: cell(it?.vehicleOperation),
    reception: cell(it?.reception)
  };
  for (const n of INITIAL_FIGURES) figures[initialName(n)] = initial[n];
  const noTargets = v.plant?.kind === 'project_without_targets' ? v.plant.project : null;
  const d = v.published;
  return {
    source_kind: 'synthetic',
    seed: v.seed,
    file: args.file,
    unit_name: unit.name,
    region: unit.region,
    year: args.year,
    kind: v.kind,
    prev_basis: v.kind,
    level: unit.level,
    category: unit.type,
    sector: unit.sector,
    document_unit: v.inYuan ? '元' : '万元',
    published_on: `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`,
    figures,
    projects: f.projects.map((p) => ({
      name: p.name,
      code: p.code,
      amount: wan(p.amount),
      has_targets: p.name !== noTargets
    })),
    planted: v.plant ? [{ kind: v.plant.kind, detail: v.plant.detail }] : [],
    functional: a.functional.map((r) => ({
      code: r.code,
      total: wan(r.basic + r.project),
      basic: wan(r.basic),
      project: wan(r.project)
    })),
    economic: a.economic.map((r) => ({ code: r.code, amount: wan(r.amount) }))
  };
}
