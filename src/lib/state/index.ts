// URL state of the dashboard's views (pure: safe in Node and in the prerender).
// The writer is in ./url.ts (browser only): import { writeUrl } from '$lib/state/url'.
export * from './fields';
export * from './views';
export * from './parse';
export * from './throttle';
