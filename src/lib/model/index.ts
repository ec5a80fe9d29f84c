export * from './schema';
export * from './records';
export * from './checks';
export * from './completeness';
export * from './check-values';
export * from './labels';
export * from './docs-view';
