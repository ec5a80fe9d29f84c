export * from './schema';
export * from './records';
