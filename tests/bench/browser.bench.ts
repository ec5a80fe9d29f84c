// Browser benchmark: cold load to <html data-ready="true"> and filter-change-to-redraw (median, p95) of the
// built static site in Debian Chromium, everything served on 127.0.0.1.
//
//   npm run build   (first; this script builds nothing)
//   npx tsx tests/bench/browser.bench.ts [--build build] [--data DIR] [--cold 5] [--changes 20] [--path /ranking/]
//                                        [--breakdown]
//
// --data serves another Parquet folder (e.g. a 100k corpus) at /data/ instead of the build's own copy.
// --breakdown prints one line per redraw: change → first query, the queries, and the draw after them.
// A cold load has two figures: the page's own (navigation start → the gongkai:data-ready performance mark,
// set when data-ready is set) and the wall time the driver sees (page.goto → the driver seeing data-ready,
// checked every animation frame: includes the browser starting the navigation and the driver's round
// trips). Prints one line per measure; figures are measured, never assumed.
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { serveStatic } from '../../scripts/static-server.mjs';
import { launchBenchBrowser } from './chromium';

const FLAGS = new Set(['breakdown']);
const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i++) {
  const name = process.argv[i].replace(/^--/, '');
  if (FLAGS.has(name)) args.set(name, 'true');
  else args.set(name, process.argv[++i]);
}
const BUILD = resolve(args.get('build') ?? 'build');
const DATA = resolve(args.get('data') ?? join(BUILD, 'data'));
const COLD = Number(args.get('cold') ?? 5);
const CHANGES = Number(args.get('changes') ?? 20);
const PATH = args.get('path') ?? '/ranking/';
const READY_TIMEOUT = Number(args.get('timeout') ?? 120_000);
const BREAKDOWN = args.has('breakdown');

/** bytes served under /data/ since the last reset */
let dataBytes = 0;
let dataRequests = 0;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
};
const ms = (x: number) => `${x.toFixed(0)} ms`;

/** Checked every animation frame: waitForSelector polls every 500 ms after its first ~270 ms, which put up
 * to half a second of the driver's polling into the wall figure. */
async function waitReady(page: Page) {
  await page.waitForFunction(() => document.documentElement.getAttribute('data-ready') === 'true', null, {
    polling: 'raf',
    timeout: READY_TIMEOUT
  });
}

interface Redraw {
  /** change event → data-ready set again */
  total: number;
  /** change event → the first query starting (URL write, navigation, state, effect) */
  toQuery: number;
  /** first query start → last query end */
  queries: number;
  /** last query end → data-ready (results applied, drawn, the frame) */
  draw: number;
  /** the chart's own draw function (draw:<view> measures) */
  drawFn: number;
  /** number of queries the redraw ran */
  count: number;
  /** after data-ready: the rest of that frame (style, layout, paint of what was drawn); not in total */
  render: number;
}

/** Change a <select> and time it until data-ready has been removed and set again (the view redrew). */
function timeChange(page: Page, testid: string, value: string): Promise<Redraw | null> {
  return page.evaluate(
    ([id, v, limit]) =>
      new Promise<Redraw | null>((done) => {
        const html = document.documentElement;
        const el = document.querySelector<HTMLSelectElement>(`[data-testid="${id}"]`);
        if (!el) return done(null);
        let cleared = false;
        const t0 = performance.now();
        const obs = new MutationObserver(() => {
          if (html.getAttribute('data-ready') !== 'true') cleared = true;
          else if (cleared) {
            const t1 = performance.now();
            obs.disconnect();
            // (no named functions in here: tsx would wrap them in a helper the page does not have)
            const qs = performance
              .getEntriesByName('gongkai:query')
              .filter((e) => e.startTime >= t0 && e.startTime <= t1);
            const draws = performance
              .getEntriesByType('measure')
              .filter((e) => e.name.startsWith('draw:') && e.startTime >= t0 && e.startTime <= t1);
            const first = qs.length ? Math.min(...qs.map((q) => q.startTime)) : t1;
            const last = qs.length ? Math.max(...qs.map((q) => q.startTime + q.duration)) : t1;
            // a task queued now runs once the browser has rendered the frame data-ready was set in
            setTimeout(() => {
              done({
                total: t1 - t0,
                toQuery: first - t0,
                queries: last - first,
                draw: t1 - last,
                drawFn: draws.reduce((sum, d) => sum + d.duration, 0),
                count: qs.length,
                render: performance.now() - t1
              });
            }, 0);
          }
        });
        obs.observe(html, { attributes: true, attributeFilter: ['data-ready'] });
        el.value = v;
        el.dispatchEvent(new Event('change', { bubbles: true }));
        setTimeout(() => {
          obs.disconnect();
          done(null);
        }, limit);
      }),
    [testid, value, 30_000] as const
  );
}

/** The page's own figure: navigation start → the first gongkai:data-ready mark. */
function pageReady(page: Page): Promise<number | null> {
  return page.evaluate(
    () => performance.getEntriesByName('gongkai:data-ready', 'mark')[0]?.startTime ?? null
  );
}

async function main() {
  if (!existsSync(join(BUILD, 'index.html')) && !existsSync(join(BUILD, 'ranking'))) {
    throw new Error(`no built site in ${BUILD}: run \`npm run build\` first`);
  }
  if (!existsSync(join(DATA, 'manifest.json'))) throw new Error(`no manifest.json in ${DATA}`);
  // the built site as npm start serves it, with DATA at /data/; requests and bytes under /data/ are counted
  const server = await serveStatic(BUILD, {
    mounts: { '/data/': DATA },
    onSend: (path, bytes) => {
      if (!path.startsWith('/data/')) return;
      dataRequests++;
      dataBytes += bytes;
    }
  });
  const url = `${server.url}${PATH}`;
  const manifest = JSON.parse(await (await fetch(`${server.url}/data/manifest.json`)).text());
  const docs = manifest.rows?.disclosures ?? '?';
  const parquetBytes = (manifest.files ?? []).reduce(
    (s: number, f: { bytes?: number }) => s + (f.bytes ?? 0),
    0
  );
  console.log(
    `browser bench: ${url}  data: ${DATA} (${docs} documents, ${(parquetBytes / 1e6).toFixed(2)} MB Parquet)`
  );

  // cold loads: a fresh browser profile (empty cache) each time
  const cold: number[] = [];
  const coldPage: number[] = [];
  const coldBytes: number[] = [];
  const offsite: string[] = [];
  for (let i = 0; i < COLD; i++) {
    const b = await launchBenchBrowser();
    const page = await b.ctx.newPage();
    dataBytes = 0;
    dataRequests = 0;
    const t0 = Date.now();
    await page.goto(url);
    await waitReady(page);
    cold.push(Date.now() - t0);
    const own = await pageReady(page);
    if (own !== null) coldPage.push(own);
    coldBytes.push(dataBytes);
    offsite.push(...b.offsite);
    if (i === 0) {
      const marks = await page.$$eval('[data-unit-id]', (els) => els.length);
      console.log(
        `  first cold load: ${marks} marks drawn, ${dataRequests} data requests, ${(dataBytes / 1e6).toFixed(2)} MB of Parquet read`
      );
      const timeline = await page.evaluate(() => [
        ...performance
          .getEntriesByType('mark')
          .filter((m) => m.name.startsWith('gongkai:'))
          .map((m) => `${m.name.replace('gongkai:engine:', '')} ${m.startTime.toFixed(0)}`),
        ...performance
          .getEntriesByName('gongkai:query')
          .map((m) => `query ${m.startTime.toFixed(0)}+${m.duration.toFixed(0)}`),
        // the check of the data against its manifest (src/lib/db/verify.ts)
        // each statement that makes the views (src/lib/db/engine.ts): its first words and its time
        ...performance.getEntriesByName('gongkai:setup').map((m) => {
          const what = String((m as PerformanceMeasure).detail ?? '').replace(/\s+/g, ' ');
          return `setup[${what.replace(/^CREATE OR REPLACE (TABLE|VIEW) /, '').split(' ')[0]}] ${m.duration.toFixed(0)}`;
        }),
        ...performance
          .getEntriesByName('gongkai:verify')
          .map((m) => `verify ${m.startTime.toFixed(0)}+${m.duration.toFixed(1)}`)
      ]);
      console.log(`  timeline (ms since navigation): ${timeline.join(', ')}`);
    }
    await b.close();
  }
  const summary = (xs: number[]) =>
    `median ${ms(pct(xs, 0.5))}, p95 ${ms(pct(xs, 0.95))}, min ${ms(Math.min(...xs))}, max ${ms(Math.max(...xs))} (n=${xs.length})`;
  if (coldPage.length)
    console.log(
      `cold load to data-ready, page clock (navigation start → gongkai:data-ready mark): ${summary(coldPage)}`
    );
  else console.log('cold load to data-ready, page clock: the page set no gongkai:data-ready mark');
  console.log(
    `cold load to data-ready, wall (driver: page.goto → it saw data-ready, checked every frame; adds navigation start): ${summary(cold)}`
  );

  // filter changes on one warm page: cycle the metric picker through its options
  const b = await launchBenchBrowser();
  const page = await b.ctx.newPage();
  await page.goto(url);
  await waitReady(page);
  const options = await page.$$eval('[data-testid="filter-metric"] option', (os) =>
    os.map((o) => (o as HTMLOptionElement).value)
  );
  const current = await page.$eval('[data-testid="filter-metric"]', (e) => (e as HTMLSelectElement).value);
  const values = options.filter((o) => o !== current && !o.includes('.'));
  const redraws: Redraw[] = [];
  let failed = 0;
  for (let i = 0; i < CHANGES; i++) {
    await page.waitForTimeout(250); // a person's pause; keeps the URL writer's throttle out of the figure
    const value = values[i % values.length];
    const r = await timeChange(page, 'filter-metric', value);
    if (!r) failed++;
    else {
      redraws.push(r);
      if (BREAKDOWN)
        console.log(
          `  redraw ${String(i + 1).padStart(2)} (${value}): ${ms(r.total)} = to first query ${ms(r.toQuery)} + ${r.count} queries ${ms(r.queries)} + draw ${ms(r.draw)} (draw function ${ms(r.drawFn)}); then rendering ${ms(r.render)}`
        );
    }
  }
  const redraw = redraws.map((r) => r.total);
  offsite.push(...b.offsite);
  await b.close();
  await server.close();
  if (redraw.length) {
    console.log(
      `filter change to redraw (metric picker): median ${ms(pct(redraw, 0.5))}, p95 ${ms(pct(redraw, 0.95))}, max ${ms(Math.max(...redraw))} (n=${redraw.length}${failed ? `, ${failed} did not redraw` : ''})`
    );
    if (BREAKDOWN) {
      const part = (k: keyof Redraw) =>
        `${ms(
          pct(
            redraws.map((r) => r[k]),
            0.5
          )
        )} / ${ms(
          pct(
            redraws.map((r) => r[k]),
            0.95
          )
        )}`;
      console.log(
        `  redraw parts, median / p95: to first query ${part('toQuery')}; queries ${part('queries')}; draw ${part('draw')} (draw function ${part('drawFn')}); rendering after data-ready (style, layout, paint; not in the figure) ${part('render')}`
      );
    }
  } else console.log(`filter change to redraw: no change redrew (${failed} tries)`);
  console.log(`requests leaving 127.0.0.1: ${offsite.length}`);
  console.log(
    `machine: ${cpus().length} cores, load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')} (other processes share these cores: figures vary with load)`
  );
  if (failed || offsite.length) process.exitCode = 1;
}

main().catch((e) => {
  console.error(`browser bench failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
