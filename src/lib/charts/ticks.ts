// Tick labels: thousands separators, no trailing zeros (130, 12.5, 1,200).
import { format } from 'd3-format';

const trimmed = format(',~r');
const fixed = format(',.2~f');

export function formatTick(v: number): string {
  if (!Number.isFinite(v)) return '';
  return (Math.abs(v) >= 1 || v === 0 ? fixed(v) : trimmed(v)).replace('−', '-');
}
