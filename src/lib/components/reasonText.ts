// A reason a document was not read (or read only in part) in the page's language. The ingest words its
// reasons in English, as the CLI prints them and ingest-report.json keeps them ("d04.pdf: damaged PDF: page 3
// cannot be read (…)"); the page reads a reason by the en templates of src/lib/i18n/reasons.ts and says it
// again with the zh one, keeping the file, the line and the page it names. A finding's reason takes the
// finding's own zh message. A reason no template knows is shown as the ingest wrote it.
import { colon, fill, listSeparator, t, type Lang } from '../i18n';
import { INGEST_WORDING, REASONS_EN, type ReasonKey } from '../i18n/reasons';

type Params = Record<string, string>;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** each template (in the ingest's words) as a pattern whose named groups are its {parts}, in the order of REASONS_EN */
const PATTERNS = (Object.keys(REASONS_EN) as ReasonKey[]).map((key) => ({
  key,
  re: new RegExp(
    `^${(INGEST_WORDING[key] ?? REASONS_EN[key])
      .split(/(\{\w+\})/)
      .map((part) => (/^\{\w+\}$/.test(part) ? `(?<${part.slice(1, -1)}>.+?)` : escape(part)))
      .join('')}$`
  )
}));

/** A reason in the ingest's (the CLI's) words, from its template: what the page itself refuses a file with. */
export function reasonEn(key: ReasonKey, params: Params = {}, file?: string): string {
  const text = fill(INGEST_WORDING[key] ?? REASONS_EN[key], params);
  return file === undefined ? text : `${file}: ${text}`;
}

/** The varying parts said in the language: a missing extension, a duration, a list, a worker's end. */
function localParams(lang: Lang, params: Params): Params {
  if (lang === 'en') return params;
  const out = { ...params };
  if (out.ext === REASONS_EN.reason_no_extension) out.ext = t(lang, 'reason_no_extension');
  if (out.error === REASONS_EN.reason_worker_stopped) out.error = t(lang, 'reason_worker_stopped');
  if (out.duration) out.duration = out.duration.replace(/ ms$/, ' 毫秒').replace(/ s$/, ' 秒');
  for (const k of ['tables', 'sections']) if (out[k]) out[k] = out[k].split(', ').join(listSeparator(lang));
  return out;
}

function translate(lang: Lang, reason: string): string | null {
  for (const { key, re } of PATTERNS) {
    const m = re.exec(reason);
    if (m) return fill(t(lang, key), localParams(lang, { ...m.groups }));
  }
  return null;
}

export interface FindingMessage {
  message_en: string;
  message_zh: string;
}

/** One reason in the language: the file it begins with kept, the rest said again (or left as it is). */
export function reasonText(
  lang: Lang,
  reason: string,
  file: string,
  findings: readonly FindingMessage[] = []
): string {
  const finding = findings.find((f) => f.message_en === reason);
  if (finding) return lang === 'zh' ? finding.message_zh : finding.message_en;
  const prefix = `${file}: `;
  const named = reason.startsWith(prefix);
  const rest = named ? reason.slice(prefix.length) : reason;
  const said = translate(lang, rest) ?? rest;
  return named ? `${file}${colon(lang)}${said}` : said;
}

/** A document's reasons in both languages, for its line in the list. */
export function reasonTexts(
  reasons: readonly string[],
  file: string,
  findings: readonly FindingMessage[] = []
): Record<Lang, string>[] {
  return reasons.map((r) => ({
    zh: reasonText('zh', r, file, findings),
    en: reasonText('en', r, file, findings)
  }));
}
