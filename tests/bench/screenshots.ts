// Screenshots of every view, in zh and en, at 1400 px and at a 390×844 phone, of the built static site served
// on 127.0.0.1 in Debian Chromium over the real Parquet. For looking at, not a test (`npm test` never runs it).
//
//   npm run build   (first; this script builds nothing)
//   npm run screenshots [-- --build build] [--out test-results/screenshots] [--views ranking,trends] [--full]
//                       [--figures]
//
// Writes <out>/<view>-<lang>-<width>.png (the first screen; --full: the whole page; --figures: also the top
// 900 px of each chart and table block below the first screen, as …-fig<i>.png) and prints one line per
// shot with what it saw: the page's width against the viewport's (a page wider than its screen scrolls
// sideways) and any script error.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { chromium } from 'playwright-core';
import { serveStatic } from '../../scripts/static-server.mjs';
import { CHROMIUM_ARGS } from '../e2e/browser';
import { queryData } from '../e2e/data';

const args = new Map<string, string>();
const FLAGS = new Set(['full', 'figures']);
for (let i = 2; i < process.argv.length; i++) {
  const name = process.argv[i].replace(/^--/, '');
  if (FLAGS.has(name)) args.set(name, 'true');
  else args.set(name, process.argv[++i]);
}
const BUILD = resolve(args.get('build') ?? 'build');
const OUT = resolve(args.get('out') ?? 'test-results/screenshots');
const FULL = args.has('full');
const FIGURES = args.has('figures');
const SIZES = [
  { width: 1400, height: 900 },
  { width: 390, height: 844 }
];

if (!existsSync(join(BUILD, 'index.html'))) {
  console.error(`no build at ${BUILD}: run npm run build first`);
  process.exit(1);
}

// the real sample unit, so that the unit page and the benchmark show a published document
const [seed] = await queryData(
  `SELECT unit_id, year FROM disclosures WHERE source_kind = 'published' ORDER BY unit_name LIKE '%乌尔禾%' DESC LIMIT 1`
);
const unitQuery = seed ? `&unit=${seed.unit_id}` : '';
const VIEWS: Record<string, string> = {
  ranking: '/ranking/?v=1',
  trends: '/trends/?v=1',
  composition: '/composition/?v=1',
  staffing: '/staffing/?v=1',
  percapita: '/percapita/?v=1',
  benchmark: `/benchmark/?v=1${unitQuery}`,
  // the same unit against every unit: a full percentile chart
  'benchmark-all': `/benchmark/?v=1${unitQuery}&peers=all`,
  execution: '/execution/?v=1',
  quality: '/quality/?v=1',
  unit: `/unit/?v=1${unitQuery}`,
  sql: `/sql/?v=1&q=${encodeURIComponent('SELECT unit_name, year, kind, reception FROM disclosures ORDER BY reception DESC NULLS LAST LIMIT 20')}`
};
const only = args.get('views')?.split(',');
const views = Object.entries(VIEWS).filter(
  ([v]) => (!only || only.includes(v)) && existsSync(join(BUILD, v.split('-')[0], 'index.html'))
);

const server = await serveStatic(BUILD, { host: '127.0.0.1', port: 0 });
mkdirSync(OUT, { recursive: true });
let failures = 0;
try {
  for (const size of SIZES) {
    const profile = mkdtempSync(join(tmpdir(), 'gongkai-shots-'));
    const ctx = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: size,
      deviceScaleFactor: 1,
      isMobile: size.width < 600,
      hasTouch: size.width < 600,
      locale: 'zh-CN'
    });
    await ctx.route('**/*', (route) =>
      new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()
    );
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    for (const lang of ['zh', 'en'] as const) {
      for (const [view, path] of views) {
        errors.length = 0;
        await page.goto(`${server.url}${path}&lang=${lang}`);
        await page.waitForSelector('html[data-ready="true"]', { state: 'attached', timeout: 120_000 });
        const file = join(OUT, `${view}-${lang}-${size.width}.png`);
        await page.screenshot({ path: file, fullPage: FULL });
        if (FIGURES) {
          const boxes = await page.$$eval('figure.chart, section.block', (els) =>
            els.map((e) => {
              const r = e.getBoundingClientRect();
              return { x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height };
            })
          );
          for (const [i, b] of boxes.entries()) {
            if (b.y + 100 < size.height) continue;
            const clip = { ...b, height: Math.min(b.height, 900) };
            await page.screenshot({ path: file.replace(/\.png$/, `-fig${i}.png`), fullPage: true, clip });
          }
        }
        const wide = await page.evaluate(() => ({
          page: document.documentElement.scrollWidth,
          screen: document.documentElement.clientWidth
        }));
        const overflow = wide.page > wide.screen;
        if (overflow || errors.length) failures++;
        console.log(
          `${view.padEnd(12)} ${lang} ${String(size.width).padStart(4)} px  page ${wide.page} px` +
            `${overflow ? '  WIDER THAN THE SCREEN' : ''}${errors.length ? `  errors: ${errors.join(' | ')}` : ''}  → ${file}`
        );
      }
    }
    await ctx.close();
    rmSync(profile, { recursive: true, force: true });
  }
} finally {
  await server.close();
}
console.log(
  failures ? `${failures} shots need a look (see above)` : 'every shot fits its screen, no script error'
);
