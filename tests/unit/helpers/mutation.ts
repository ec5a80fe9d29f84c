// Single-number mutations of a document (one digit changed, or a decimal point moved, in one amount) and how
// the ingest takes each: did it change what is stored, and if so, did a finding or the status say so?
import { ingestDocument } from '../../../src/lib/ingest/index';
import type { DocumentResult } from '../../../src/lib/model/records';
import { rng } from './rng';

export { rng };

export interface Amount {
  /** offset of the token in the text */
  at: number;
  token: string;
}

/** Amounts of a document: decimal numbers (468.53, 2,476,260.58) and whole numbers followed by a unit of
 *  money or a count (15 人, 5辆, 10 万元). Years, codes, table numbers and list markers are not amounts. */
export function amountsOf(text: string): Amount[] {
  const out: Amount[] = [];
  const re = /(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d,])/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const tok = m[0];
    const after = text.slice(m.index + tok.length, m.index + tok.length + 3).replace(/^\s+/, '');
    if (/^[.．、]/.test(after) && !tok.includes('.')) continue; // "1.负责" list markers
    if (tok.includes('.') || /^(?:万元|元|人|辆|名)/.test(after)) out.push({ at: m.index, token: tok });
  }
  return out;
}

/** One mutation of one amount token: a digit changed, or the decimal point moved one place. */
export function mutateToken(tok: string, r: () => number): string | null {
  const digits = [...tok].map((c, i) => (/\d/.test(c) ? i : -1)).filter((i) => i >= 0);
  const dot = tok.indexOf('.');
  if (dot > 0 && r() < 0.3) {
    const plain = tok.replace(/,/g, '');
    const d = plain.indexOf('.');
    const body = plain.replace('.', '');
    const to = r() < 0.5 ? d - 1 : d + 1;
    if (to <= 0 || to >= body.length) return null;
    const moved = body.slice(0, to) + '.' + body.slice(to);
    return moved.replace(/^0+(?=\d)/, '');
  }
  const i = digits[Math.floor(r() * digits.length)];
  const old = Number(tok[i]);
  let d = Math.floor(r() * 9);
  if (d >= old) d++;
  // no leading zero in a number of several integer digits
  const intDigits = (dot > 0 ? tok.slice(0, dot) : tok).replace(/,/g, '').length;
  if (d === 0 && i === 0 && intDigits > 1) return null;
  return tok.slice(0, i) + d + tok.slice(i + 1);
}

/** What the ingest stores, as comparable strings: the figures, the line items and the projects. */
export function stored(r: DocumentResult): string[] {
  const out: string[] = [];
  const row = (r.disclosure ?? {}) as unknown as Record<string, unknown>;
  for (const [k, v] of Object.entries(row)) if (typeof v === 'number' || v === null) out.push(`${k}=${v}`);
  for (const l of r.lineItems)
    out.push(`line ${l.table_no ?? '-'}/${l.section}/${l.code ?? ''}/${l.name}/${l.measure}=${l.amount}`);
  for (const p of r.projects) out.push(`project ${p.name}=${p.amount}`);
  return out.sort();
}

/** The kind of the first stored thing a mutation changed: a figure's column, or a line item's table and
 *  measure, or "project". */
export function changedKind(before: string[], after: string[]): string | null {
  const b = new Set(before);
  const a = new Set(after);
  const diff = [...after.filter((x) => !b.has(x)), ...before.filter((x) => !a.has(x))];
  if (!diff.length) return null;
  const x = diff[0];
  if (x.startsWith('project ')) return 'project';
  if (x.startsWith('line ')) {
    const [t, section, , , measure] = x.slice(5).split('=')[0].split('/');
    return section === 'narrative' ? `narrative ${measure}` : `表${t} ${section}/${measure}`;
  }
  return x.split('=')[0];
}

export interface Outcome {
  /** the mutation changed something stored */
  changed: boolean;
  /** changed, and no new finding, no new reason, same status */
  silent: boolean;
  kind: string | null;
  at: number;
  from: string;
  to: string;
}

/** Mutate `n` amounts of `text` (seeded), ingest each mutant and compare it with the unmutated document. */
export function mutationRun(text: string, file: string, n: number, seed: number): Outcome[] {
  const enc = new TextEncoder();
  const base = ingestDocument(enc.encode(text), file);
  const baseStored = stored(base);
  const baseFindings = new Set(base.findings.map((f) => `${f.check}|${f.message_en}`));
  const baseReasons = new Set(base.reasons);
  const amounts = amountsOf(text);
  const r = rng(seed);
  const out: Outcome[] = [];
  for (let tries = 0; out.length < n && tries < n * 4; tries++) {
    const a = amounts[Math.floor(r() * amounts.length)];
    const to = mutateToken(a.token, r);
    if (to === null || to === a.token) continue;
    const mutant = text.slice(0, a.at) + to + text.slice(a.at + a.token.length);
    const res = ingestDocument(enc.encode(mutant), file);
    const kind = changedKind(baseStored, stored(res));
    const quiet =
      res.status === base.status &&
      res.findings.every((f) => baseFindings.has(`${f.check}|${f.message_en}`)) &&
      res.reasons.every((x) => baseReasons.has(x));
    out.push({ changed: kind !== null, silent: kind !== null && quiet, kind, at: a.at, from: a.token, to });
  }
  return out;
}

/** Silent mutants counted by kind, most first. */
export function silentByKind(outcomes: Outcome[]): [string, number][] {
  const m = new Map<string, number>();
  for (const o of outcomes) if (o.silent) m.set(o.kind!, (m.get(o.kind!) ?? 0) + 1);
  return [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
