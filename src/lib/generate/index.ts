// The synthetic corpus: for every unit of the fictional roster and every year, its budget (预算), its final
// account (决算) or both, each with its truth file. Pure: no I/O, deterministic for a seed (see src/cli/generate.ts for writing files).
import { deriveAccounts } from './accounts';
import {
  composeDocument,
  documentText,
  type ComposedDocument,
  type DocumentInput,
  type DocumentVariant,
  type Plant,
  type PlantKind
} from './document';
import { actualOf } from './execution';
import { unitYears } from './figures';
import { createRandom, type Random } from './random';
import { buildRoster, type Unit } from './roster';
import { documentPdfStyle, drawPdfStyle, type PdfStyle } from './pdf/style';
import { buildTruth, type Truth } from './truth';

export { buildRoster, type Unit } from './roster';
export type { Truth } from './truth';

export interface CorpusOptions {
  units: number;
  firstYear: number;
  lastYear: number;
  seed: string;
  /** Share of documents with one planted inconsistency (default 0.03). */
  inconsistencyRate?: number;
  /** Only the units with index % count === index (for generating on several threads; output is the same). */
  shard?: { index: number; count: number };
  /**
   * Share of units (0–1, default 0) whose documents are PDFs: each unit is drawn once, so all its years take
   * the same format and the same PDF style.
   */
  pdfShare?: number;
}

export interface GeneratedDocument {
  /** File name without directory, e.g. u00012_2023_budget.txt (or .pdf) */
  file: string;
  /** The document as text (for a PDF document, the same content as the text writer prints it). */
  text: string;
  truth: Truth;
  /** For a .pdf document: what pdf/write.ts lays out (writePdf(pdf.document, pdf.style, font)). */
  pdf?: { document: ComposedDocument; style: PdfStyle };
}

const PLANT_KINDS: PlantKind[] = [
  'parent_sum',
  'narrative_vs_table',
  'project_without_targets',
  'staffing_sum'
];

interface UnitStyle {
  inYuan: boolean;
  vehicleWording: DocumentVariant['vehicleWording'];
  overseasWording: DocumentVariant['overseasWording'];
  halfWidth: boolean;
}

function unitStyle(random: Random): UnitStyle {
  return {
    inYuan: random.chance(0.12),
    vehicleWording: random.chance(0.25) ? '公务用车购置及运行维护费' : '公务用车购置及运行费',
    overseasWording: random.chance(0.2) ? '因公出国(境)费' : '因公出国（境）费',
    halfWidth: random.chance(0.08)
  };
}

function publishedDate(kind: 'budget' | 'final', year: number, random: Random) {
  return kind === 'budget'
    ? { year, month: random.int(1, 2), day: random.int(1, 28) }
    : { year: year + 1, month: random.int(7, 9), day: random.int(1, 28) };
}

function choosePlant(
  random: Random,
  rate: number,
  accounts: ReturnType<typeof deriveAccounts>,
  projects: { name: string }[]
): Plant | null {
  if (!random.chance(rate)) return null;
  const kind = random.pick(PLANT_KINDS);
  switch (kind) {
    case 'parent_sum': {
      const classes = accounts.functional.filter((r) => r.code.length === 3);
      const row = random.pick(classes);
      const delta = random.int(1, 50) * 100 + random.int(0, 99);
      return {
        kind,
        code: row.code,
        delta,
        detail: `表3 ${row.code} 合计 stated ${delta / 100} 万元 above the sum of its 款`
      };
    }
    case 'narrative_vs_table': {
      const delta =
        (random.chance(0.5) || accounts.threeTotal < 2000 ? 1 : -1) *
        (random.int(1, 9) * 100 + random.int(0, 99));
      return { kind, delta, detail: `narrative 三公 total differs from 表10 合计 by ${delta / 100} 万元` };
    }
    case 'project_without_targets': {
      const p = random.pick(projects);
      return { kind, project: p.name, detail: `project ${p.name} in 表7 has no 项目支出绩效目标表` };
    }
    case 'staffing_sum': {
      const delta = random.int(1, 3);
      return { kind, delta, detail: `实有人数 stated ${delta} above 在职 + 退休 + 离休` };
    }
  }
}

type Kind = DocumentVariant['kind'];
/** Shares of unit-years that publish only a final account, and both a budget and a final account. */
const FINAL_ONLY = 0.12;
const BOTH = 0.18;

/** Every document of the corpus, unit by unit, year by year (lazy, so 100k documents stream). */
export function* generateCorpus(options: CorpusOptions): Generator<GeneratedDocument> {
  const rate = options.inconsistencyRate ?? 0.03;
  const root = createRandom(options.seed);
  const roster = buildRoster(options.units);
  const shard = options.shard ?? { index: 0, count: 1 };
  for (const unit of roster) {
    if (unit.index % shard.count !== shard.index) continue;
    yield* generateUnit(unit, options, rate, root);
  }
}

function* generateUnit(
  unit: Unit,
  options: CorpusOptions,
  rate: number,
  root: Random
): Generator<GeneratedDocument> {
  const random = root.fork(`unit/${unit.index}`);
  const style = unitStyle(random.fork('style'));
  // its own stream, drawn whatever the share, so the share does not change a unit's other draws
  const pdfRandom = random.fork('pdf');
  const asPdf = pdfRandom.next() < (options.pdfShare ?? 0);
  const pdfStyle = drawPdfStyle(pdfRandom);
  const years = unitYears(unit, options.firstYear, options.lastYear, random.fork('figures'));
  const accounts = years.map((y) => deriveAccounts(y, unit));
  // what was spent (决算) beside what was budgeted (预算), each year from its own stream
  const actuals = years.map((y) => actualOf(y, random.fork(`actual/${y.year}`)));
  const actualAccounts = actuals.map((y) => deriveAccounts(y, unit));
  for (let i = 1; i < years.length; i++) {
    const year = years[i].year;
    const r = random.fork(`doc/${year}`);
    // most unit-years publish a budget; some a final account as well, some only a final account
    const u = r.next();
    const kinds: Kind[] =
      u < FINAL_ONLY ? ['final'] : u < FINAL_ONLY + BOTH ? ['budget', 'final'] : ['budget'];
    for (const kind of kinds) {
      const rk = kinds.length > 1 && kind === 'final' ? r.fork('final') : r;
      // each kind states its own figures and compares with the same kind's figures of the year before
      const [own, ownAccounts] = kind === 'final' ? [actuals, actualAccounts] : [years, accounts];
      const variant: DocumentVariant = {
        seed: options.seed,
        kind,
        ...style,
        withProcurement: rk.chance(0.85),
        withAssets: rk.chance(0.85),
        published: publishedDate(kind, year, rk),
        plant: choosePlant(rk, rate, ownAccounts[i], own[i].projects)
      };
      const file = `u${String(unit.index).padStart(5, '0')}_${year}_${kind}.${asPdf ? 'pdf' : 'txt'}`;
      const input: DocumentInput = {
        unit,
        year,
        figures: own[i],
        accounts: ownAccounts[i],
        prev: own[i - 1],
        prevAccounts: ownAccounts[i - 1],
        ...(kind === 'final' ? { initial: { figures: years[i], accounts: accounts[i] } } : {}),
        variant
      };
      const document = composeDocument(input, rk.fork('text'));
      yield {
        file,
        text: documentText(document),
        truth: buildTruth({ file, ...input }),
        ...(asPdf ? { pdf: { document, style: documentPdfStyle(pdfStyle, rk.fork('pdf')) } } : {})
      };
    }
  }
}

/** The truth file's name for a document file: u00012_2023_budget.txt (or .pdf) → u00012_2023_budget.truth.json */
export const truthFileName = (file: string) => file.replace(/\.(txt|pdf)$/, '.truth.json');
