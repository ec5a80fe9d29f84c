// The controls of the filters bar and the values they edit (named as the URL state names them).
import type { Kind, SourceKind } from '../model';
import type { Denominator, MetricId, PeerGroup, SplitId } from '../db/metrics';

/** The controls a view may show; each view lists the ones its state has. */
export type FilterField =
  | 'year'
  | 'span'
  | 'kind'
  /** the kind, one at a time (预算 or 决算, no mixed choice): views that compare values on one axis */
  | 'one_kind'
  | 'region'
  | 'level'
  | 'category'
  | 'units'
  | 'unit'
  | 'metric'
  | 'amount'
  /** a figure a 决算 states beside its 年初预算 (the execution view) */
  | 'execution_metric'
  | 'per'
  | 'split'
  | 'peers'
  | 'source'
  | 'order'
  | 'top'
  | 'limit';

export interface FilterValue {
  year?: number;
  from?: number;
  to?: number;
  kind?: Kind;
  regions?: string[];
  levels?: string[];
  categories?: string[];
  units?: string[];
  unit?: string;
  sources?: SourceKind[];
  metric?: MetricId;
  per?: Denominator;
  split?: SplitId;
  peers?: PeerGroup;
  order?: 'desc' | 'asc';
  top?: number;
  /** how many units a one-year view shows */
  limit?: number;
}
