// No negative prior-year value is stored: a prior year worked out below zero (a change larger than the
// amount it led to, a headcount fallen by more than there were) is a slip in the document, and a finding.
import { figure, type FigureName } from '../model';
import { fmt, type FindingList } from './checks';
import type { Stated } from './narrative';

export function dropNegativePrior(prev: Partial<Record<FigureName, Stated>>, f: FindingList) {
  for (const [n, st] of Object.entries(prev) as [FigureName, Stated][]) {
    if (st.value >= 0) continue;
    delete prev[n];
    const fig = figure(n);
    const zhUnit = fig.unit;
    const enUnit = fig.unit === '万元' ? '× 10k yuan' : fig.unit === '人' ? 'persons' : 'vehicles';
    const at = f.place(st.lines);
    f.add(
      'prior_year_negative',
      'warning',
      `上年${fig.zh}推得为负数 ${fmt(st.value)} ${zhUnit}（${at.zh}），未采用`,
      `Prior-year ${fig.en.toLowerCase()} works out negative, ${fmt(st.value)} ${enUnit} (${at.en}); not stored`,
      null,
      st.value,
      st.lines
    );
  }
}
