import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

const buildDir = process.env.GONGKAI_BUILD_DIR ?? 'build';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    // GONGKAI_BUILD_DIR: build elsewhere than build/ (a test of npm start -- --data builds beside the e2e build).
    // 404.html: the app's shell for an address no page answers (static hosts serve it with status 404; so
    // does scripts/static-server.mjs); the router then shows src/routes/+error.svelte in the reader's language
    adapter: adapter({ pages: buildDir, assets: buildDir, fallback: '404.html', precompress: false }),
    prerender: { handleHttpError: 'warn' },
    // one JS bundle (DuckDB-WASM's module and every view included) and one CSS file: a cold load fetches
    // two files instead of ~25 chunks in dependency waves, and the engine starts ~100 ms earlier
    output: { bundleStrategy: 'single' }
  }
};

export default config;
