// 公开完整度: which of the items the national rules require (model/completeness.ts) a document contains, read
// from its content — tables by their title's role (sections.ts), never by their number, and prose by what it
// says. A table counts when it has figures, or is empty with a note saying so; a 目录 entry alone does not.
import {
  COMPLETENESS_ITEM_IDS,
  completenessScore,
  joinMissing,
  type CompletenessItemId,
  type FigureName
} from '../model';
import type { Mention } from './mentions';
import type { NarrativeFacts } from './narrative';
import type { Prose } from './prose';
import type { TableBlock } from './sections';
import type { ParsedTables } from './tables';
import { squash, squashedLines, type Line } from './text';

export interface CompletenessInput {
  lines: Line[];
  blocks: TableBlock[];
  tables: Pick<ParsedTables, 'items'>;
  prose: Prose;
  mentions: Mention[];
  facts: NarrativeFacts;
  /** how many 项目支出绩效目标表 the document holds */
  targetTables: number;
  /** the figures the document states (resolved from its tables and prose), 万元 or counts */
  stated: ReadonlyMap<FigureName, number>;
}

export interface Completeness {
  /** 0–100 */
  score: number;
  present: CompletenessItemId[];
  missing: CompletenessItemId[];
  /** `missing` as stored in disclosures.completeness_missing */
  missingText: string;
}

/** Each required table by its role in the national template (sections.ts numbers roles so). */
const TABLE_ROLES: [CompletenessItemId, number][] = [
  ['table_summary', 1],
  ['table_income', 2],
  ['table_expenditure', 3],
  ['table_fiscal', 4],
  ['table_general', 5],
  ['table_general_basic', 6],
  ['table_fund', 8],
  ['table_state_capital', 9],
  ['table_three_public', 10]
];
/** The figure whose nil statement in prose ("无政府性基金预算财政拨款收入和支出") explains an empty table. */
const NIL_FIGURE: Partial<Record<number, FigureName>> = {
  8: 'fund_budget',
  9: 'state_capital_budget',
  10: 'three_public_total'
};

const AMOUNT_IN_LINE = /(?<![\d.])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|(?<![\d.])\d+\.\d{1,2}(?!\d)/;
const AMOUNT = '\\d[\\d,]*(?:\\.\\d+)?(?:万元|元|亿元)';

// headings: an optional part or section number, up to a unit's name, the heading's words, nothing after
const HEADING_PREFIX =
  '^(?:第[一二三四五六七八九十]部分)?(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十]+[)）]、?)?';
/** Whether a squashed line is such a heading. It ends in one of the words, so first its last character is
 *  looked up among the words' characters (most lines end in none of them). */
const heading = (words: string) => {
  const re = new RegExp(`${HEADING_PREFIX}.{0,40}?(?:${words})$`);
  const ends = new Set(words.replace(/[(?:)|]/g, ''));
  return (t: string) => ends.has(t.charAt(t.length - 1)) && re.test(t);
};
const FUNCTIONS_HEADING = heading('主要职能|主要职责|部门职责|职能职责|职能');
const ORGANISATION_HEADING = heading(
  '机构设置(?:及人员情况|情况)?|(?:部门|预算|决算|部门决算|部门预算)?单位构成|机构情况'
);
const GLOSSARY_HEADING = heading('名词解释');
/** "一、财政拨款:指…", "(三)、“三公”经费:是…" */
const DEFINITION =
  /^[（(]?[一二三四五六七八九十\d]{1,3}[)）]?[、.．]?[“"]?[^:：，。]{2,24}?[”"]?[:：](?:指|是|包括|反映|为)/;

/** A line that reads as text under a heading (not the next 目录 entry, not a table title). */
const isContent = (t: string) =>
  !/表$/.test(t) &&
  (t.length >= 30 || (t.length >= 12 && /[，。；;:：、,]/.test(t)) || (t.length >= 4 && /。$/.test(t)));

function headingWithContent(lines: Line[], isHeading: (t: string) => boolean): boolean {
  const squashed = squashedLines(lines);
  for (let i = 0; i + 1 < lines.length; i++) {
    const t = squashed[i];
    if (t.length <= 60 && isHeading(t) && isContent(squashed[i + 1])) return true;
  }
  return false;
}

function hasGlossary(lines: Line[]): boolean {
  const squashed = squashedLines(lines);
  const at = squashed.findIndex(
    (t, i) => t.length <= 30 && GLOSSARY_HEADING(t) && isContent(squashed[i + 1] ?? '')
  );
  if (at < 0) return false;
  let definitions = 0;
  for (let i = at + 1; i < lines.length && definitions < 2; i++)
    if (DEFINITION.test(squashed[i])) definitions++;
  return definitions >= 2;
}

export function assessCompleteness(input: CompletenessInput): Completeness {
  const { lines, blocks, tables, prose, mentions, facts, stated } = input;
  const text = prose.text;
  const nil = new Set(facts.none.flatMap((n) => n.figures));
  const noThreePublic = nil.has('three_public_total');
  const said = (figures: FigureName[]) =>
    figures.every((f) =>
      mentions.some((m) => m.figure === f && m.kind === 'value' && m.period === 'current')
    );

  const titleLines = (b: TableBlock) => (b.title === lines[b.start].text ? 1 : 2);
  const body = (b: TableBlock) => lines.slice(b.start + titleLines(b), b.end);
  const tablePresent = (role: number) => {
    if (tables.items.some((it) => it.table_no === role)) return true;
    const nilFigure = NIL_FIGURE[role];
    return blocks.some((b) => {
      if (b.no !== role) return false;
      const rows = body(b);
      if (b.emptyLine !== null || rows.some((l) => AMOUNT_IN_LINE.test(l.text))) return true;
      // a table printed with its header and nothing under it, the prose saying there is none ("无…支出",
      // "政府性基金拨款支出预算为0")
      return (
        rows.length > 0 && nilFigure !== undefined && (nil.has(nilFigure) || stated.get(nilFigure) === 0)
      );
    });
  };
  const threePublicTable = squash(
    blocks
      .filter((b) => b.no === 10)
      .flatMap((b) => lines.slice(b.start, b.end).map((l) => l.text))
      .join('')
  );
  // "公务用车购置及运行费" names both in one: the split needs 购置 and 运行 apart
  const vehicleWords = threePublicTable.replace(/购置及运行(?:维护)?费?/g, '');
  const procurementSentences = text.split(/[。]/).filter((s) => /采购/.test(s));
  const procurementPart = (w: string) => {
    const part = new RegExp(`${w}(?:类)?(?:采购)?(?:预算|决算|金额|支出)?(?:为|是)?${AMOUNT}`);
    return procurementSentences.some((s) => part.test(s));
  };
  const noProcurement = /(?:无|没有|未安排|未发生)政府采购/.test(text);

  const has: Record<CompletenessItemId, () => boolean> = {
    ...(Object.fromEntries(TABLE_ROLES.map(([id, role]) => [id, () => tablePresent(role)])) as Record<
      (typeof TABLE_ROLES)[number][0],
      () => boolean
    >),
    three_public_parts: () =>
      noThreePublic ||
      (/出国/.test(threePublicTable) &&
        /接待/.test(threePublicTable) &&
        /用车|车辆/.test(threePublicTable)) ||
      (said(['overseas_travel', 'reception']) &&
        (said(['vehicle_total']) || said(['vehicle_purchase', 'vehicle_operation']))),
    vehicle_parts: () =>
      noThreePublic ||
      (/购置/.test(vehicleWords) && /运行/.test(vehicleWords)) ||
      said(['vehicle_purchase', 'vehicle_operation']),
    three_public_explained: () =>
      // a change from another year; a 决算's comparison with its 年初预算 is not one
      /三公[”"]?经费(?![:：])(?:(?!年初预算)[^。]){0,80}?(?:增加|减少|持平|增长|下降|变化|变动|一致)/.test(
        text
      ) ||
      mentions.some(
        (m) =>
          m.kind === 'change' &&
          m.against !== 'budget' &&
          /^(?:three_public_total|overseas_travel|vehicle_|reception)/.test(m.figure)
      ),
    operating_expense: () =>
      stated.has('operating_expense') ||
      new RegExp(`机关运行经费(?![:：])[^。:：]{0,40}?(?:${AMOUNT}|无|没有|未安排|不涉及)`).test(text),
    procurement: () =>
      stated.has('procurement_total') ||
      noProcurement ||
      new RegExp(
        `政府采购(?:预算|决算|金额|支出)(?:总额)?(?:[(（][^)）]{0,12}[)）])?(?:为|是|共)?${AMOUNT}`
      ).test(text),
    procurement_split: () =>
      noProcurement ||
      (facts.procurement.goods !== undefined &&
        facts.procurement.works !== undefined &&
        facts.procurement.services !== undefined) ||
      (procurementPart('货物') && procurementPart('工程') && procurementPart('服务')),
    assets: () => stated.has('vehicles_count') || facts.vehicles !== undefined,
    performance: () =>
      input.targetTables > 0 ||
      facts.performance !== undefined ||
      /(?:编报|设置|实行|开展)绩效(?:目标|管理)[^。]{0,40}?项目(?:共)?\d+个/.test(text),
    glossary: () => hasGlossary(lines),
    functions: () =>
      headingWithContent(lines, FUNCTIONS_HEADING) ||
      /(?:主要职能|主要职责|部门职责)(?:包括|是|为|如下)[:：]/.test(text),
    organisation: () =>
      headingWithContent(lines, ORGANISATION_HEADING) ||
      /(?:内设|下设)\d*个?(?:机构|处室|科室)|纳入[^。]{0,40}(?:编制范围|部门预算|部门决算)的单位/.test(text)
  };
  const present = COMPLETENESS_ITEM_IDS.filter((id) => has[id]());
  const missing = COMPLETENESS_ITEM_IDS.filter((id) => !present.includes(id));
  return {
    score: completenessScore(present.length),
    present,
    missing,
    missingText: joinMissing(missing)
  };
}
