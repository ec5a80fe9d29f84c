// The accounts a document prints, derived from one year's figures: the functional table (类/款/项 with basic
// and project columns), the economic table's parents, and the summary totals. All amounts in 分.
import type { YearFigures } from './figures';
import type { Unit } from './roster';

export interface FunctionalRow {
  code: string;
  basic: number;
  project: number;
}

export interface Accounts {
  /** Every functional row (类, 款, 项), sorted by code. */
  functional: FunctionalRow[];
  /** Economic rows (类 and 款) with their amounts, sorted by code. */
  economic: { code: string; amount: number }[];
  personnel: number;
  public: number;
  basic: number;
  project: number;
  total: number;
  threeTotal: number;
  vehicleTotal: number;
  procurementTotal: number;
  vehiclesCount: number;
  staffActual: number;
}

/** Where a basic-expenditure economic item lands in the functional classification (others go to the run code). */
function functionalHome(economicCode: string, unit: Unit): string | null {
  switch (economicCode) {
    case '30108':
      return '2080505';
    case '30109':
      return '2080506';
    case '30110':
      return unit.type === '事业' ? '2101102' : '2101101';
    case '30111':
      return '2101103';
    case '30113':
      return '2210201';
    default:
      return null;
  }
}

export function deriveAccounts(f: YearFigures, unit: Unit): Accounts {
  const items = new Map<string, FunctionalRow>();
  const at = (code: string) => {
    let row = items.get(code);
    if (!row) items.set(code, (row = { code, basic: 0, project: 0 }));
    return row;
  };
  let personnel = 0;
  let pub = 0;
  for (const [code, amount] of f.economic) {
    if (code.startsWith('302')) pub += amount;
    else personnel += amount;
    at(functionalHome(code, unit) ?? unit.template.runCode).basic += amount;
  }
  let project = 0;
  for (const p of f.projects) {
    at(p.code).project += p.amount;
    project += p.amount;
  }
  const parents = new Map<string, FunctionalRow>();
  for (const row of items.values()) {
    for (const len of [3, 5]) {
      const code = row.code.slice(0, len);
      let parent = parents.get(code);
      if (!parent) parents.set(code, (parent = { code, basic: 0, project: 0 }));
      parent.basic += row.basic;
      parent.project += row.project;
    }
  }
  const functional = [...items.values(), ...parents.values()].sort((a, b) => (a.code < b.code ? -1 : 1));

  const econParents = new Map<string, number>();
  for (const [code, amount] of f.economic)
    econParents.set(code.slice(0, 3), (econParents.get(code.slice(0, 3)) ?? 0) + amount);
  const economic = [
    ...[...econParents].map(([code, amount]) => ({ code, amount })),
    ...[...f.economic].map(([code, amount]) => ({ code, amount }))
  ].sort((a, b) => (a.code < b.code ? -1 : 1));

  const t = f.three;
  return {
    functional,
    economic,
    personnel,
    public: pub,
    basic: personnel + pub,
    project,
    total: personnel + pub + project,
    threeTotal: t.overseas + t.vehiclePurchase + t.vehicleOperation + t.reception,
    vehicleTotal: t.vehiclePurchase + t.vehicleOperation,
    procurementTotal: f.procurement.goods + f.procurement.works + f.procurement.services,
    vehiclesCount: f.vehicles.general + f.vehicles.enforcement + f.vehicles.other,
    staffActual: f.staff.inService + f.staff.retired + f.staff.separated
  };
}
