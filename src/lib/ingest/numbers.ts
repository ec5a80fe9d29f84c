// Number tokens and money units.

export type MoneyUnit = '万元' | '元' | '亿元';

/** A plain amount token: 468.53, 0, 2,476,260.58, -3.5 (no letters or CJK attached). */
export const AMOUNT_TOKEN = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

export function parseAmount(tok: string): number | null {
  const c = tok.charCodeAt(0);
  if (!((c >= 48 && c <= 57) || c === 45)) return null;
  if (!AMOUNT_TOKEN.test(tok)) return null;
  const digits = tok.replace(/[^\d]/g, '');
  const n = Number(tok.replace(/,/g, ''));
  // more digits than a double holds, or a trillion and more in one cell: not an amount
  if (digits.length > 15 || Math.abs(n) >= 1e12) return null;
  return Number.isFinite(n) ? n : null;
}

/** Convert an amount in `unit` to 万元, rounded to 4 decimals. */
export function toWan(value: number, unit: MoneyUnit): number {
  const v = unit === '元' ? value / 10000 : unit === '亿元' ? value * 10000 : value;
  return round4(v);
}

export function round4(v: number): number {
  const r = Math.round(v * 10000) / 10000;
  return Object.is(r, -0) ? 0 : r;
}

/** The money unit a header line declares ("单位：万元", "金额单位:元", "预 算 数(万元)"). */
export function declaredUnit(text: string): MoneyUnit | null {
  const t = text.replace(/\s+/g, '');
  const m = /(?:金额)?单位[:：]?(万元|亿元|元)/.exec(t) ?? /\((万元|亿元|元)\)/.exec(t);
  return m ? (m[1] as MoneyUnit) : null;
}

/**
 * Rounding tolerance (in 万元) when comparing a stated total with a sum of `parts` stated figures.
 * Documents in 万元 round each figure to 0.01 (±0.005); documents in 元 round to 0.01 元, but the stored
 * 万元 values are rounded to 4 decimals (±0.00005).
 */
export function sumTolerance(parts: number, unit: MoneyUnit = '万元'): number {
  const each = unit === '元' ? 0.00005 : 0.005;
  const floor = unit === '元' ? 0.0001 : 0.01;
  return Math.max(floor, each * (parts + 1)) + 1e-9;
}
