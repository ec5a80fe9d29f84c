import { browser } from '$app/environment';
import { startEngine } from '$lib/components/app.svelte';

export const prerender = true;
export const trailingSlash = 'always';

// Start DuckDB-WASM and the data as early as the client boots (before the page hydrates); the layout
// shows the progress. Never during the prerender.
export function load() {
  if (browser) void startEngine();
  return {};
}
