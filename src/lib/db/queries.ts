// The dashboard's queries: pure functions of a view's parameters (and the data's facets) to SQL with
// bound parameters. Node tests run the same functions against the same Parquet.
export * from './types';
export * from './metrics';
export * from './facets';
export * from './filters';
export * from './docs';
export * from './ranking';
export * from './trends';
export * from './composition';
export * from './staffing';
export * from './percapita';
export * from './benchmark';
export * from './unit';
export * from './findings';
export * from './completeness';
export * from './sources';
export * from './execution';
