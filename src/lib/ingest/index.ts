// Entry point of the ingest: one document's bytes in, its rows (or the reasons it was rejected) out.
// normalise → split sections → parse tables and prose → resolve figures → cross-check → rows.
import {
  figure,
  FIGURE_NAMES,
  INITIAL_FIGURES,
  initialName,
  PREV_FIGURES,
  type DisclosureRow,
  type DocumentResult,
  type FigureName,
  type LineItemRow,
  type SourceKind
} from '../model';
import { auditContents, auditEmptyTables, auditPlaceholders, auditYears } from './audit-document';
import { auditFundTotal, auditWording } from './audit-wording';
import { auditChanges, auditFacts, auditFigures, auditProjects, auditStaff } from './audit';
import { checkVehicles } from './audit-assets';
import { auditExecutionRates } from './audit-execution';
import { dropNegativePrior } from './audit-prior';
import { applyUnitFixes, reportUnitFixes, unitHeaderFixes } from './audit-units';
import { checkChangePercents, checkShares } from './audit-shares';
import { checkProjectTable, checkSingleChildren, checkSummaryTotals } from './audit-totals';
import { checkRowSplits, checkTrees, FindingList, placeOf } from './checks';
import { missingClosing } from './closing';
import { assessCompleteness } from './completeness';
import { resolveFigures } from './figures';
import { chooseReadings } from './reading';
import { categoryOf, levelOf, readIdentity, readScope, regionOf } from './identity';
import { identitySignals, settleIdentity } from './identity-checks';
import { findMentions } from './mentions';
import { readNarrative, readNarrativeProjects, readStaff, readTargetTables } from './narrative';
import { declaredUnit, sumTolerance, type MoneyUnit } from './numbers';
import { buildProse } from './prose';
import { findTables, proseLines, titleNumber } from './sections';
import { initialBudget, priorOfKind } from './prior';
import { rejected } from './rejected';
import { sha256 } from './sha256';
import { figureSources, pageList, referencedLines, sourceText } from './sources';
import { parseTables } from './tables';
import {
  displayName,
  linesHolding,
  readDocumentText,
  UnreadableDocument,
  type DocumentText,
  type Line
} from './text';

export { rejected };

export interface IngestOptions {
  /** Force the source kind; by default a document is 'published' unless it carries a `# synthetic` header line. */
  sourceKind?: SourceKind;
}

const hash = (s: string, n: number) => sha256(s).slice(0, n);

export function unitIdOf(region: string | null, unitName: string): string {
  return 'u' + hash(`${region ?? ''}|${unitName}`, 12);
}

/** The money unit most of a document's own statements use (tables' headers first, then prose amounts). */
function documentUnit(lines: Line[]): MoneyUnit | null {
  // every unit a line declares ends in 元: only the lines holding one are read
  for (const i of linesHolding(lines, '元')) {
    const u = declaredUnit(lines[i].text);
    if (u) return u;
  }
  return null;
}

const TEMPLATE_TABLES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/** Parse one text or HTML document. Never throws on bad content: a broken document comes back with status
 *  'rejected'. (PDFs are read by ingestPdf, which hands its lines to ingestText.) */
export function ingestDocument(bytes: Uint8Array, file: string, opts: IngestOptions = {}): DocumentResult {
  let doc;
  try {
    doc = readDocumentText(bytes, file);
  } catch (e) {
    if (e instanceof UnreadableDocument) return rejected(file, e.message);
    throw e;
  }
  return ingestText(doc, file, opts);
}

/** The ingest after reading: a document's numbered lines (from text, HTML or a PDF) → its rows. */
export function ingestText(doc: DocumentText, file: string, opts: IngestOptions = {}): DocumentResult {
  const { lines, headers } = doc;
  if (lines.length === 0) return rejected(file, `${file}: no text`);
  const sourceKind: SourceKind =
    opts.sourceKind ?? (headers.some((h) => /^#\s*synthetic\b/i.test(h)) ? 'synthetic' : 'published');

  // a PDF's lines know their page (a text's none): every row and finding that names a line names its page too
  const pageAt = lines.some((l) => l.page !== undefined) ? new Map(lines.map((l) => [l.no, l.page])) : null;
  const page = (line: number) => pageAt?.get(line) ?? null;
  const place = placeOf(page);
  // year and kind from the strongest statements; their disagreements are findings (listed first)
  const identityFindings = new FindingList('万元', place);
  const id = settleIdentity(readIdentity(lines), identitySignals(lines), identityFindings);
  const blocks = findTables(lines);
  let unit = documentUnit(lines);
  let tables = parseTables(lines, blocks, unit);
  const prose = buildProse(proseLines(lines, blocks));
  const final = id.kind === 'final';
  const mentions = findMentions(prose, { year: id.year, final });
  // a table whose unit header the rest of the document contradicts is read in the unit the rest supports
  const unitFixes = unitHeaderFixes(tables, blocks, mentions, unit);
  if (unitFixes.length) ({ tables, unit } = applyUnitFixes(lines, blocks, unit, unitFixes));
  const staff = readStaff(prose);
  const facts = readNarrative(prose);
  const targetInfo = readTargetTables(prose, unit);
  const narrativeProjects = readNarrativeProjects(prose, targetInfo.firstAt);

  const findings = new FindingList(unit ?? '万元', place);
  findings.list.push(...identityFindings.list);
  reportUnitFixes(lines, unitFixes, findings);
  for (const p of tables.problems) findings.problem(p);
  checkTrees(tables.items, findings, tables.unreadable);
  checkRowSplits(tables.items, findings);
  checkSummaryTotals(tables.items, findings, tables.units, id.kind);
  checkProjectTable(tables.items, tables.projects, findings, tables.units);
  checkSingleChildren(tables.items, findings, tables.units);
  const tol = sumTolerance(1, unit ?? '万元');
  const resolved = resolveFigures(tables.items, mentions, staff, facts, findings, tol, tables.units);
  chooseReadings(resolved, findings, facts, mentions, tables.items, unit ?? '万元');
  const v = resolved.value;
  dropNegativePrior(resolved.prev, findings);
  auditFigures(v, tables.items, findings);
  auditChanges(mentions, findings);
  auditStaff(staff, findings);
  auditFacts(facts, v, findings);
  checkVehicles(prose, findings);
  checkShares(prose, v, tables.items, findings);
  checkChangePercents(prose, findings);
  const initial = final ? initialBudget(tables.initial, mentions, findings, unit ?? '万元') : {};
  if (final) auditExecutionRates(prose, mentions, initial, findings, tol);
  const projectTotal5 = tables.items.find(
    (x) => x.table_no === 5 && x.name === '总计' && x.measure === 'project'
  );
  auditProjects(
    tables.projects,
    narrativeProjects,
    targetInfo.tables,
    facts,
    projectTotal5
      ? { value: projectTotal5.amount!, lines: [projectTotal5.source_line] }
      : v.project_expenditure,
    findings
  );
  auditWording(prose, findings, tol);
  auditFundTotal(prose, tables.items, findings, tol);
  auditYears(lines, id.year, id.kind, findings);
  auditPlaceholders(lines, findings);
  auditContents(lines, findings);
  auditEmptyTables(lines, blocks, tables.items, findings);

  const stated = FIGURE_NAMES.filter((n) => v[n] !== undefined);
  if (stated.length === 0 && tables.items.length === 0 && mentions.length === 0)
    return rejected(file, `${file}: no figure found (line ${lines[0].no}: “${lines[0].text.slice(0, 30)}”)`);

  // the id hashes the text as normalised (BOM, line ends, widths folded), header comment lines included
  const docId = 'd' + hash(doc.normalised, 15);
  const region = regionOf(id.unitName);
  const unitId = id.unitName ? unitIdOf(region, id.unitName) : 'u' + hash(`unnamed|${docId}`, 12);

  const row = {
    doc_id: docId,
    unit_id: unitId,
    unit_name: id.unitName,
    region,
    year: id.year,
    kind: id.kind,
    scope: readScope(lines),
    source_kind: sourceKind,
    source_file: file,
    published_on: id.publishedOn
  } as DisclosureRow;
  const complete = assessCompleteness({
    ...{ lines, blocks, tables, prose, mentions, facts },
    stated: new Map(stated.map((n) => [n, v[n]!.value])),
    targetTables: targetInfo.tables.length
  });
  row.completeness = complete.score;
  row.completeness_missing = complete.missingText;
  const rec = row as unknown as Record<string, number | null>;
  for (const n of FIGURE_NAMES) rec[n] = v[n]?.value ?? null;
  const prior = priorOfKind(resolved.prev, id.kind);
  for (const n of PREV_FIGURES) rec[`prev_${n}`] = prior.prev[n]?.value ?? null;
  row.prev_basis = prior.basis;
  for (const n of INITIAL_FIGURES) rec[initialName(n)] = initial[n]?.value ?? null;

  const lineItems: LineItemRow[] = tables.items.map((it) => ({
    doc_id: docId,
    ...it,
    name: displayName(it.name),
    source_page: page(it.source_line)
  }));
  const pushFact = (
    section: LineItemRow['section'],
    name: string,
    measure: string,
    value: number,
    line: number
  ) =>
    lineItems.push({
      doc_id: docId,
      table_no: null,
      section,
      code: null,
      name,
      measure,
      amount: value,
      source_line: line,
      source_page: page(line)
    });
  const p = facts.procurement;
  for (const [k, zh] of [
    ['goods', '政府采购货物'],
    ['works', '政府采购工程'],
    ['services', '政府采购服务']
  ] as const)
    if (p[k]) pushFact('procurement', zh, k, p[k]!.value, p[k]!.lines[0]);
  for (const a of facts.assets) pushFact('assets', a.name, 'value', a.value.value, a.value.lines[0]);
  // figures stated only in prose keep their source line as a narrative line item
  for (const m of mentions) {
    if (m.kind === 'value' && m.period === 'current' && m.column === 'budget')
      pushFact('narrative', FIGURE_LABEL(m.figure), 'budget', m.value, m.lines[0]);
  }
  for (const n of stated) {
    const st = v[n]!;
    if (!tables.items.some((it) => it.source_line === st.lines[0] && it.amount === st.value))
      pushFact('narrative', FIGURE_LABEL(n), n, st.value, st.lines[0]);
  }
  for (const n of PREV_FIGURES) {
    const st = prior.prev[n];
    if (st) pushFact('narrative', `上年${FIGURE_LABEL(n)}`, `prev_${n}`, st.value, st.lines[0]);
  }

  const targetNames = new Set(targetInfo.tables.map((t) => t.name.replace(/\s+/g, '')));
  const projectSource = tables.projects.length
    ? tables.projects
    : narrativeProjects.map((x) => ({ ...x, code: null as string | null }));
  const projects = projectSource.map((x) => ({
    doc_id: docId,
    name: displayName(x.name),
    code: x.code,
    amount: x.amount,
    has_targets: targetNames.has(x.name.replace(/\s+/g, '')),
    source_line: x.line,
    source_page: page(x.line)
  }));

  // status: ok when the template's tables are all there (or stated empty) and the identity is complete
  const reasons: string[] = [];
  if (!id.unitName) reasons.push('unit name not found');
  if (id.year === null) reasons.push('year not found');
  if (id.kind === null) reasons.push('kind (预算/决算) not found');
  if (blocks.length === 0) reasons.push('no tables (prose only)');
  else {
    // the national template (tables marked 表1…表10) has a 项目支出 table, 表7; provincial 9-table sets have none
    const expected =
      blocks.some((b) => b.marked) || lines.some((l) => titleNumber(l.text) === 7)
        ? TEMPLATE_TABLES
        : TEMPLATE_TABLES.filter((n) => n !== 7);
    const missing = expected.filter((n) => !tables.present.has(n));
    if (missing.length) reasons.push(`tables missing: ${missing.map((n) => `表${n}`).join(', ')}`);
  }
  const closing = missingClosing(lines);
  if (closing.length) reasons.push(`document ends before its closing sections: ${closing.join(', ')}`);
  const unreadable = findings.list.filter(
    (x) => x.check === 'table_unit_unknown' || x.check === 'garbled_number'
  );
  for (const u of unreadable) reasons.push(u.message_en);

  const findingRows = findings.list.map((x) => ({
    doc_id: docId,
    ...x,
    source_pages: pageList(x.source_lines, page)
  }));
  const sources = figureSources(docId, v, resolved.prev, page);
  const level = levelOf(region);
  return {
    file,
    status: reasons.length ? 'partial' : 'ok',
    reasons,
    disclosure: row,
    unit: {
      unit_id: unitId,
      unit_name: id.unitName,
      region,
      level,
      category: categoryOf(id.unitName),
      source_kind: sourceKind
    },
    lineItems,
    projects,
    findings: findingRows,
    figureSources: sources,
    sourceText: sourceText(
      docId,
      lines,
      referencedLines({ lineItems, projects, findings: findingRows, figureSources: sources }),
      doc.original
    )
  };
}

const FIGURE_LABEL = (n: FigureName) => figure(n).zh;
