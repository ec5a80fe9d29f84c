import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { parquetData } from './scripts/data-plugin.mjs';
import { pdfjsAssets } from './scripts/pdfjs-assets.mjs';

export default defineConfig({
  plugins: [
    sveltekit(),
    parquetData({
      dir: process.env.GONGKAI_DATA_DIR ?? 'data/parquet',
      outDir: process.env.GONGKAI_BUILD_DIR ?? 'build'
    }),
    pdfjsAssets({ outDir: process.env.GONGKAI_BUILD_DIR ?? 'build' })
  ],
  // the ingest worker imports pdf.js only when a PDF arrives: an ES module worker keeps that a chunk of its own
  worker: { format: 'es' },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000
        }
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 600_000,
          fileParallelism: false
        }
      }
    ]
  }
});
