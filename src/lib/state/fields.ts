// The URL's fields: for each state property, its short query key, its valibot schema, and how its values
// are read from and written to the query string. A multi-valued field repeats its key (`u=a&u=b`).
import * as v from 'valibot';
import { METRIC_IDS, DENOMINATORS, PEER_GROUPS, SPLIT_IDS } from '../db/metrics';
import { ROW_LIMIT_CHOICES } from '../db/docs';
import { FINDING_SORTS } from '../db/findings';
import { CHECK_IDS } from '../model';

/** Unit ids are short ASCII tokens (hashes); anything else is not an id. */
export const UNIT_ID = /^[A-Za-z0-9_.:-]{1,80}$/;
/** Region / level / category / check names: letters of any script, digits and a few name punctuations. */
export const NAME_TEXT = /^[\p{L}\p{N}\p{M}（）()·・、\-_. ]{1,60}$/u;
export const MAX_LIST = 100;
export const MAX_SQL = 4000;

export type Field =
  | { kind: 'int'; key: string; schema: v.GenericSchema<unknown, number>; many: false }
  | { kind: 'text'; key: string; schema: v.GenericSchema<unknown, string>; many: false }
  | { kind: 'text'; key: string; schema: v.GenericSchema<unknown, string>; many: true }
  | { kind: 'int'; key: string; schema: v.GenericSchema<unknown, number>; many: true };

const int = (key: string, min: number, max: number) =>
  ({
    kind: 'int',
    key,
    many: false,
    schema: v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max))
  }) as const;
const ints = (key: string, min: number, max: number) => ({ ...int(key, min, max), many: true }) as const;
const pick = <T extends string>(key: string, options: readonly T[]) =>
  ({ kind: 'text', key, many: false, schema: v.picklist(options as T[]) }) as const;
const picks = <T extends string>(key: string, options: readonly T[]) =>
  ({ ...pick(key, options), many: true }) as const;
const texts = (key: string, re: RegExp) =>
  ({ kind: 'text', key, many: true, schema: v.pipe(v.string(), v.regex(re)) }) as const;
const text = (key: string, re: RegExp) =>
  ({ kind: 'text', key, many: false, schema: v.pipe(v.string(), v.regex(re)) }) as const;

const YEAR_MIN = 1990;
const YEAR_MAX = 2100;

/** Every field of every view, by state property name. */
export const FIELDS = {
  kind: pick('kind', ['budget', 'final'] as const),
  scope: pick('scope', ['department', 'unit'] as const),
  regions: texts('reg', NAME_TEXT),
  levels: texts('lvl', NAME_TEXT),
  categories: texts('cat', NAME_TEXT),
  units: texts('u', UNIT_ID),
  sources: picks('src', ['published', 'synthetic', 'local'] as const),
  year: int('y', YEAR_MIN, YEAR_MAX),
  years: ints('y', YEAR_MIN, YEAR_MAX),
  from: int('from', YEAR_MIN, YEAR_MAX),
  to: int('to', YEAR_MIN, YEAR_MAX),
  metric: pick('m', METRIC_IDS),
  order: pick('ord', ['desc', 'asc'] as const),
  top: int('top', 1, 100),
  limit: {
    kind: 'int',
    key: 'n',
    many: false,
    schema: v.picklist([...ROW_LIMIT_CHOICES]) as v.GenericSchema<unknown, number>
  } as const,
  split: pick('split', SPLIT_IDS),
  per: pick('per', DENOMINATORS),
  peers: pick('peers', PEER_GROUPS),
  unit: text('unit', UNIT_ID),
  severities: picks('sev', ['error', 'warning', 'info'] as const),
  // a closed list: the audit's own check ids
  checks: picks('chk', CHECK_IDS),
  sort: pick('sort', FINDING_SORTS),
  page: int('p', 1, 1_000_000),
  q: {
    kind: 'text',
    key: 'q',
    many: false,
    schema: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_SQL))
  } as const
} satisfies Record<string, Field>;

export type FieldName = keyof typeof FIELDS;

/** A raw query value to the field's candidate value (before validation). */
export function decodeRaw(field: Field, raw: string): unknown {
  if (field.kind === 'int') return /^-?\d{1,9}$/.test(raw) ? Number(raw) : raw;
  return raw;
}

export const encodeValue = (x: unknown): string => String(x);
