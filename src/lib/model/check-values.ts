// What a finding's expected and actual columns hold, by check: money (万元, the default), a count of people,
// vehicles or items, a percentage or a year. The quality view sorts by amount only over money; tables show
// counts as counts.

import type { CheckId } from './checks';

export type FindingValueKind = 'money' | 'people' | 'vehicles' | 'count' | 'percent' | 'year';

const VALUE_KINDS: Partial<Record<CheckId, FindingValueKind>> = {
  staff_parts: 'people',
  staff_over_authorized: 'people',
  subordinates_contradiction: 'count',
  performance_count: 'count',
  empty_table_has_values: 'count',
  change_percent: 'percent',
  execution_rate: 'percent',
  share_sum: 'percent',
  year_mismatch: 'year'
};

export const findingValueKind = (check: string): FindingValueKind => VALUE_KINDS[check as CheckId] ?? 'money';

/** The checks whose expected and actual are amounts in 万元 (a closed list for the amount sort). */
export const MONEY_CHECKS = (ids: readonly string[]) => ids.filter((c) => findingValueKind(c) === 'money');
