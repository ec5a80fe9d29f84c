// The money and headcounts of one unit over the years, in integer 分 (hundredths of 万元) so sums are exact.
// Each year is drawn from the previous one (drift, policy trends, occasional jumps); the year before the first
// published year is drawn too, so the first document's "比上年" figures are consistent.
import { ECONOMIC_NAMES } from './classification';
import type { Random } from './random';
import type { Unit } from './roster';

export interface Project {
  name: string;
  /** 7-digit functional 项 code. */
  code: string;
  /** 分 */
  amount: number;
  /** Economic 类 column of 表7 it is charged to: 商品服务支出 or 资本性支出. */
  column: 'goods' | 'capital';
}

export interface Staffing {
  authorized: number;
  inService: number;
  retired: number;
  separated: number;
}

export interface ThreePublic {
  overseas: number;
  vehiclePurchase: number;
  vehicleOperation: number;
  reception: number;
}

/** One unit-year's figures, all amounts in 分. */
export interface YearFigures {
  year: number;
  staff: Staffing;
  /** Economic 款 code (5 digits) → amount, for 表6 (basic expenditure only). */
  economic: Map<string, number>;
  projects: Project[];
  three: ThreePublic;
  procurement: { goods: number; works: number; services: number; smes: number };
  vehicles: { general: number; enforcement: number; other: number; value: number };
  assets: { area: number; houseValue: number; furniture: number; other: number };
}

/** Unit-level traits that persist over the years. */
interface Traits {
  personnelPerHead: number;
  publicPerHead: number;
  receptionPerHead: number;
  overseas: boolean;
  vehicleRunPerCar: number;
  hasAnnuity: boolean;
  hasLifeSubsidy: boolean;
  publicItems: string[];
  projectShare: number;
}

const PERSONNEL_CENTRE = { 行政: 16, 参公: 14.5, 事业: 12.5 } as const;
const PUBLIC_CENTRE = { 行政: 4.2, 参公: 3.4, 事业: 2.2 } as const;

const OPTIONAL_PUBLIC = ['30205', '30206', '30213', '30215', '30216', '30229', '30239'];

function traits(unit: Unit, random: Random): Traits {
  const type = unit.type;
  const items = ['30201', '30207', '30211', '30228', '30299'];
  for (const code of OPTIONAL_PUBLIC)
    if (random.chance(type === '事业' && code === '30239' ? 0.2 : 0.7)) items.push(code);
  return {
    personnelPerHead: PERSONNEL_CENTRE[type] * random.lognormal(0, 0.15),
    publicPerHead: PUBLIC_CENTRE[type] * random.lognormal(0, 0.35),
    receptionPerHead: (type === '事业' ? 0.06 : 0.22) * random.lognormal(0, 0.6),
    overseas: random.chance(type === '事业' ? 0.1 : 0.18),
    vehicleRunPerCar: 2.3 * random.lognormal(0, 0.2),
    hasAnnuity: random.chance(0.6),
    hasLifeSubsidy: random.chance(0.4),
    publicItems: items.sort(),
    projectShare: 0.28 * random.lognormal(0, 0.6)
  };
}

/** 万元 → 分, rounded. */
const fen = (wan: number) => Math.max(0, Math.round(wan * 100));

function firstStaff(unit: Unit, random: Random): Staffing {
  const inService = Math.max(4, Math.round(unit.template.staff * random.lognormal(0, 0.5)));
  const retired = random.chance(0.5) ? 0 : Math.round(inService * random.next() * 0.3);
  const separated = random.chance(0.8) ? 0 : random.int(1, 4);
  const authorized =
    inService + (random.chance(0.3) ? 0 : random.int(0, Math.max(1, Math.round(inService * 0.12))));
  return { authorized, inService, retired, separated };
}

function nextStaff(prev: Staffing, random: Random): Staffing {
  let inService = Math.round(prev.inService * (1 + 0.01 + 0.04 * random.normal()));
  if (random.chance(0.03)) inService = Math.round(inService * (0.7 + random.next() * 0.7));
  inService = Math.max(3, inService);
  const retired = Math.max(0, prev.retired + (random.chance(0.3) ? random.int(-1, 2) : 0));
  const separated = Math.max(0, prev.separated - (random.chance(0.3) ? 1 : 0));
  const authorized = Math.max(prev.authorized, inService + (random.chance(0.7) ? 0 : random.int(0, 2)));
  return { authorized, inService, retired, separated };
}

/** Policy factor on 公用经费 and 三公 by year: 过紧日子 from 2020 on. */
const austerity = (year: number) => (year <= 2019 ? 1 : Math.pow(0.955, year - 2019));

function economicFor(
  unit: Unit,
  tr: Traits,
  staff: Staffing,
  year: number,
  three: ThreePublic,
  random: Random
) {
  const economic = new Map<string, number>();
  const wageLevel =
    tr.personnelPerHead * Math.pow(1.035, year - 2019) * staff.inService * random.lognormal(0, 0.03);
  const isSchoolLike = unit.type === '事业';
  const shares: [string, number][] = isSchoolLike
    ? [
        ['30101', 0.3],
        ['30102', 0.06],
        ['30107', 0.24],
        ['30108', 0.11],
        ['30110', 0.055],
        ['30112', 0.006],
        ['30113', 0.1]
      ]
    : [
        ['30101', 0.27],
        ['30102', 0.24],
        ['30103', 0.09],
        ['30107', 0.05],
        ['30108', 0.1],
        ['30110', 0.05],
        ['30111', 0.012],
        ['30112', 0.004],
        ['30113', 0.1]
      ];
  if (tr.hasAnnuity) shares.push(['30109', 0.04]);
  for (const [code, share] of shares) economic.set(code, fen(wageLevel * share * random.lognormal(0, 0.03)));
  if (staff.separated > 0) economic.set('30301', fen(staff.separated * 9.5 * random.lognormal(0, 0.05)));
  if (staff.retired > 0) economic.set('30302', fen(staff.retired * 0.6 * random.lognormal(0, 0.1)));
  if (tr.hasLifeSubsidy) economic.set('30305', fen(staff.inService * 0.2 * random.lognormal(0, 0.3)));

  const publicLevel = tr.publicPerHead * austerity(year) * staff.inService * random.lognormal(0, 0.06);
  const weights: Record<string, number> = {
    '30201': 0.14,
    '30205': 0.02,
    '30206': 0.06,
    '30207': 0.05,
    '30211': 0.1,
    '30213': 0.07,
    '30215': 0.03,
    '30216': 0.04,
    '30228': 0.08,
    '30229': 0.06,
    '30239': 0.16,
    '30299': 0.09
  };
  for (const code of tr.publicItems)
    economic.set(code, fen(publicLevel * weights[code] * random.lognormal(0, 0.1)));
  if (three.reception > 0) economic.set('30217', three.reception);
  if (three.vehicleOperation > 0) economic.set('30231', three.vehicleOperation);
  if (three.overseas > 0) economic.set('30212', three.overseas);
  for (const [code, v] of [...economic]) if (v <= 0 || !(code in ECONOMIC_NAMES)) economic.delete(code);
  return new Map([...economic].sort(([a], [b]) => (a < b ? -1 : 1)));
}

function threeFor(
  tr: Traits,
  staff: Staffing,
  vehicles: number,
  purchase: number,
  year: number,
  prev: ThreePublic | null,
  random: Random
): ThreePublic {
  const jump = random.chance(0.05) ? 1.4 + random.next() : 1;
  const trend = austerity(year) * jump;
  const reception = fen(tr.receptionPerHead * staff.inService * trend * random.lognormal(0, 0.15));
  const vehicleOperation =
    vehicles > 0 ? fen(vehicles * tr.vehicleRunPerCar * trend * random.lognormal(0, 0.1)) : 0;
  let overseas = 0;
  if (tr.overseas && year !== 2020 && year !== 2021 && year !== 2022 && random.chance(0.6)) {
    overseas = fen(
      (prev && prev.overseas > 0 ? prev.overseas / 100 : 4 + random.next() * 12) * random.lognormal(0, 0.2)
    );
  }
  return { overseas, vehiclePurchase: purchase, vehicleOperation, reception };
}

function projectsFor(
  unit: Unit,
  tr: Traits,
  basic: number,
  year: number,
  prev: Project[] | null,
  purchase: number,
  random: Random
): Project[] {
  const pool = unit.template.projects;
  const codes = unit.template.projectCodes;
  let projects: Project[] = [];
  if (prev) {
    for (const p of prev) {
      if (p.name.startsWith('公务用车')) continue;
      if (random.chance(0.85))
        projects.push({ ...p, amount: fen((p.amount / 100) * random.lognormal(0.02, 0.25)) });
    }
    if (random.chance(0.35) || projects.length === 0) {
      const fresh = pool.filter((n) => !projects.some((p) => p.name === n));
      if (fresh.length) {
        const name = random.pick(fresh);
        projects.push({
          name,
          code: random.pick(codes),
          amount: fen((basic / 100) * tr.projectShare * (0.1 + random.next() * 0.3)),
          column: name.includes('购置') ? 'capital' : 'goods'
        });
      }
    }
  } else {
    const n = Math.min(pool.length, random.int(1, 6));
    const names = pool;
    const chosen: string[] = [];
    while (chosen.length < n) {
      const name = random.pick(names);
      if (!chosen.includes(name)) chosen.push(name);
    }
    const total = (basic / 100) * tr.projectShare;
    for (const name of chosen) {
      projects.push({
        name,
        code: random.pick(codes),
        amount: fen((total / n) * random.lognormal(0, 0.5)),
        column: name.includes('购置') ? 'capital' : 'goods'
      });
    }
  }
  projects = projects.filter((p) => p.amount >= 50);
  if (projects.length === 0)
    projects.push({ name: pool[0], code: codes[0], amount: fen(3 + random.next() * 20), column: 'goods' });
  if (purchase > 0)
    projects.push({ name: '公务用车更新购置经费', code: codes[0], amount: purchase, column: 'capital' });
  // 表7 lists projects grouped by code; keep a stable order within a code.
  return projects.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** Draw the figures of `years` consecutive years for one unit; element 0 is the invented year before the first. */
export function unitYears(unit: Unit, firstYear: number, lastYear: number, random: Random): YearFigures[] {
  const tr = traits(unit, random);
  const out: YearFigures[] = [];
  let staff = firstStaff(unit, random);
  let vehicleCount = Math.round(
    (staff.inService * unit.template.vehicleRate * random.lognormal(0, 0.3)) / 10
  );
  if (unit.type !== '事业' && staff.inService >= 10) vehicleCount = Math.max(1, vehicleCount);
  const enforcementShare = unit.sector === '公安' ? 0.7 : unit.template.vehicleRate >= 1 ? 0.4 : 0;
  const houseArea = Math.round(staff.inService * (18 + random.next() * 20) * 100);
  for (let year = firstYear - 1; year <= lastYear; year++) {
    const prev = out.length ? out[out.length - 1] : null;
    if (prev) staff = nextStaff(staff, random);
    let purchase = 0;
    if (prev && vehicleCount > 0 && random.chance(0.07)) {
      purchase = fen(14 + random.next() * 12);
      if (random.chance(0.3)) vehicleCount += 1;
    }
    const three = threeFor(tr, staff, vehicleCount, purchase, year, prev ? prev.three : null, random);
    const economic = economicFor(unit, tr, staff, year, three, random);
    let basic = 0;
    for (const v of economic.values()) basic += v;
    const projects = projectsFor(unit, tr, basic, year, prev ? prev.projects : null, purchase, random);
    const projectTotal = projects.reduce((s, p) => s + p.amount, 0);
    const goods = fen((projectTotal / 100) * random.next() * 0.3 + (basic / 100) * 0.02 * random.next());
    const works = random.chance(0.1) ? fen((projectTotal / 100) * random.next() * 0.2) : 0;
    const services = random.chance(0.5) ? fen((projectTotal / 100) * random.next() * 0.3) : 0;
    const enforcement = Math.round(vehicleCount * enforcementShare);
    const other = vehicleCount - enforcement > 2 && random.chance(0.2) ? 1 : 0;
    out.push({
      year,
      staff,
      economic,
      projects,
      three,
      procurement: {
        goods,
        works,
        services,
        smes: random.chance(0.5) ? 0 : Math.round((goods + works + services) * 0.4)
      },
      vehicles: {
        general: vehicleCount - enforcement - other,
        enforcement,
        other,
        value: fen(vehicleCount * (12 + random.next() * 10))
      },
      assets: {
        area: houseArea,
        houseValue: fen((houseArea / 100) * 0.45),
        furniture: fen(staff.inService * (0.8 + random.next() * 2)),
        other: fen(staff.inService * (2 + random.next() * 12))
      }
    });
  }
  return out;
}
