// URL query string ⇄ view state. Parsing never throws: an unknown key, an invalid value or a value beyond
// the limits is dropped and reported as a notice; what remains is a valid state. Serialising writes the
// canonical, short form: `v=1` first, then the keys sorted, defaults omitted, set-like lists sorted.
import * as v from 'valibot';
import { decodeRaw, encodeValue, FIELDS, MAX_LIST, type Field, type FieldName } from './fields';
import { SET_FIELDS, STATE_SCHEMAS, VIEW_DEFAULTS, VIEW_FIELDS, type View, type ViewState } from './views';

export const STATE_VERSION = 1;
export const VERSION_KEY = 'v';
/** The page's language: every view's link may carry it (`lang=en`); absent means the reader's own choice,
 * zh by default. */
export const LANG_KEY = 'lang';
export const URL_LANGS = ['zh', 'en'] as const;
export type UrlLang = (typeof URL_LANGS)[number];

/** The language a link asks for, when it names a valid one. */
export function readLang(params: URLSearchParams): UrlLang | undefined {
  const l = params.get(LANG_KEY);
  return (URL_LANGS as readonly (string | null)[]).includes(l) ? (l as UrlLang) : undefined;
}

/** The query with its language set (or removed), keys kept in the canonical order (`v` first, then sorted). */
export function withLang(params: URLSearchParams, lang: UrlLang | undefined): URLSearchParams {
  const pairs = [...params].filter(([k]) => k !== LANG_KEY);
  if (lang) pairs.push([LANG_KEY, lang]);
  const rank = (k: string) => (k === VERSION_KEY ? 0 : 1);
  pairs.sort((a, b) => rank(a[0]) - rank(b[0]) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return new URLSearchParams(pairs);
}

export type NoticeCode =
  'unknown_param' | 'invalid_value' | 'duplicate_param' | 'too_many_values' | 'unknown_version';

export interface Notice {
  code: NoticeCode;
  /** the query key as it appeared (shortened) */
  param: string;
  /** the offending value (shortened); render it as text */
  value?: string;
  zh: string;
  en: string;
}

export interface ParsedState<V extends View> {
  state: ViewState<V>;
  /** one line per notice, zh and en: "忽略了无效的参数值 m=… / Ignored an invalid value m=…" */
  notices: string[];
  details: Notice[];
}

const short = (s: string, n = 40) => {
  const flat = Array.from(s, (c) => (c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127 ? ' ' : c)).join('');
  return flat.length > n ? `${flat.slice(0, n)}…` : flat;
};

function notice(code: NoticeCode, param: string, value?: string): Notice {
  const p = short(param, 20);
  const shown = value === undefined ? p : `${p}=${short(value)}`;
  const text: Record<NoticeCode, [string, string]> = {
    unknown_param: [`忽略了未知的参数 ${shown}`, `Ignored an unknown parameter ${shown}`],
    invalid_value: [`忽略了无效的参数值 ${shown}`, `Ignored an invalid value ${shown}`],
    duplicate_param: [`参数重复，只保留第一个：${shown}`, `Repeated parameter, kept the first: ${shown}`],
    too_many_values: [
      `参数 ${p} 的取值过多，只保留前 ${MAX_LIST} 个`,
      `Too many values for ${p}; kept the first ${MAX_LIST}`
    ],
    unknown_version: [
      `链接版本 ${shown} 不受支持，已按版本 ${STATE_VERSION} 解读`,
      `Link version ${shown} is not supported; read as version ${STATE_VERSION}`
    ]
  };
  const [zh, en] = text[code];
  return { code, param: p, value: value === undefined ? undefined : short(value), zh, en };
}

function fieldsOf(view: View): { name: FieldName; field: Field }[] {
  return (VIEW_FIELDS[view] as readonly FieldName[]).map((name) => ({ name, field: FIELDS[name] as Field }));
}

const compare = (a: unknown, b: unknown) =>
  typeof a === 'number' && typeof b === 'number'
    ? a - b
    : String(a) < String(b)
      ? -1
      : String(a) > String(b)
        ? 1
        : 0;

/** The canonical form of a state: defaults removed, set-like lists sorted and deduplicated, empty lists removed. */
export function canonicalState<V extends View>(view: V, state: ViewState<V>): ViewState<V> {
  const out: Record<string, unknown> = {};
  const defaults = VIEW_DEFAULTS[view];
  for (const { name, field } of fieldsOf(view)) {
    const value = (state as Record<string, unknown>)[name];
    if (value === undefined || value === null) continue;
    if (field.many) {
      let list = [...new Set(value as unknown[])];
      if (SET_FIELDS.includes(name)) list = list.sort(compare);
      if (list.length) out[name] = list.slice(0, MAX_LIST);
    } else if (defaults[name] !== value) out[name] = value;
  }
  return out as ViewState<V>;
}

export function parseState<V extends View>(view: V, params: URLSearchParams): ParsedState<V> {
  const details: Notice[] = [];
  const byKey = new Map<string, { name: FieldName; field: Field }>();
  for (const f of fieldsOf(view)) byKey.set(f.field.key, f);

  const version = params.getAll(VERSION_KEY);
  if (version.length && version[0] !== String(STATE_VERSION))
    details.push(notice('unknown_version', VERSION_KEY, version[0]));

  const raw: Record<string, unknown> = {};
  const seen = new Set<string>();
  for (const [key, value] of params) {
    if (key === VERSION_KEY) continue;
    if (key === LANG_KEY) {
      if (!readLang(new URLSearchParams([[key, value]]))) details.push(notice('invalid_value', key, value));
      continue;
    }
    const f = byKey.get(key);
    if (!f) {
      details.push(notice('unknown_param', key, value));
      continue;
    }
    const candidate = decodeRaw(f.field, value);
    // valid for the field, and for this view (a view may accept fewer values, e.g. per-capita's metrics)
    const entry = (STATE_SCHEMAS[view].entries as Record<string, v.GenericSchema>)[f.name];
    if (
      !v.safeParse(f.field.schema, candidate).success ||
      (entry && !v.safeParse(entry, f.field.many ? [candidate] : candidate).success)
    ) {
      details.push(notice('invalid_value', key, value));
      continue;
    }
    if (f.field.many) {
      const list = (raw[f.name] as unknown[] | undefined) ?? [];
      if (list.length >= MAX_LIST) {
        if (!seen.has(`${key}#many`)) details.push(notice('too_many_values', key));
        seen.add(`${key}#many`);
        continue;
      }
      list.push(candidate);
      raw[f.name] = list;
    } else if (seen.has(key)) {
      details.push(notice('duplicate_param', key, value));
    } else {
      seen.add(key);
      raw[f.name] = candidate;
    }
  }
  const checked = v.safeParse(STATE_SCHEMAS[view], raw);
  // every field was validated on its own, so the whole always passes; keep the guard anyway
  const state = (checked.success ? checked.output : {}) as ViewState<V>;
  return {
    state: canonicalState(view, state),
    notices: details.map((d) => `${d.zh} / ${d.en}`),
    details
  };
}

export function serializeState<V extends View>(
  view: V,
  state: ViewState<V>,
  lang?: UrlLang
): URLSearchParams {
  const canon = canonicalState(view, state) as Record<string, unknown>;
  const pairs: [string, string][] = [];
  for (const { name, field } of fieldsOf(view)) {
    const value = canon[name];
    if (value === undefined) continue;
    const values = field.many ? (value as unknown[]) : [value];
    for (const x of values) pairs.push([field.key, encodeValue(x)]);
  }
  if (lang) pairs.push([LANG_KEY, lang]);
  // sorted keys (stable, so a list keeps its order); the version first
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return new URLSearchParams([[VERSION_KEY, String(STATE_VERSION)], ...pairs]);
}

/** `?v=1&…` for a view's state (what a copied link carries), with its language when given. */
export const queryString = <V extends View>(view: V, state: ViewState<V>, lang?: UrlLang) =>
  `?${serializeState(view, state, lang)}`;

/** Parameters of the URL that no field of the view reads (kept: the version and the language), in order. */
export function unknownParams(
  view: View,
  params: URLSearchParams,
  keep: readonly string[] = [LANG_KEY]
): string[] {
  const known = new Set([VERSION_KEY, ...keep, ...fieldsOf(view).map((f) => f.field.key)]);
  return [...new Set([...params.keys()].filter((k) => !known.has(k)))];
}
