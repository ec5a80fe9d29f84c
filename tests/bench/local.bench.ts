// The reader's own documents, timed in Debian Chromium against the built site (issue 12):
// 1. the cold load on the default data (navigation start → the gongkai:data-ready mark; the same figure as
//    `npm run bench:browser`), with nothing kept in the browser;
// 2. one PDF from the file input to its unit drawn in the ranking: the input's change event → its line in the
//    list says ok and its bar (data-local) is drawn with data-ready set again. A fresh browser each run, so
//    the ingest worker and pdf.js load cold every time. The served data is then one that does not hold the
//    PDF (the template fixture through the CLI), since a document already served is refused.
//
//   npm run build   (first; this script builds nothing)
//   npm run bench:local [-- --pdf FILE] [--kind budget|final] [--year 2024] [--runs 3] [--cold 5] [--build build]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { serveStatic } from '../../scripts/static-server.mjs';
import { launchBenchBrowser } from './chromium';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2)
  args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1]);
const ROOT = resolve(import.meta.dirname, '../..');
const BUILD = resolve(args.get('build') ?? join(ROOT, 'build'));
// 25 pages: the real 2024 决算 of 上海市普陀区财政局 (../shared/realpdfs), or the copy in data/disclosures
const PDF = resolve(
  args.get('pdf') ??
    [
      join(ROOT, '../shared/realpdfs/docs/d06.pdf'),
      join(ROOT, 'data/disclosures/shanghai/putuo-finance-2024-dept-final.pdf')
    ].find(existsSync)!
);
const RUNS = Number(args.get('runs') ?? 3);
/** the ranking shows one kind at a time: the kind (and year) of the PDF added, so its bar is drawn */
const KIND = args.get('kind') === 'final' ? 'final' : 'budget';
const YEAR = Number(args.get('year') ?? 2024);
const COLD = Number(args.get('cold') ?? 5);

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(p * xs.length) - 1)];
const summary = (xs: number[]) =>
  `median ${pct(xs, 0.5).toFixed(0)} ms, p95 ${pct(xs, 0.95).toFixed(0)} ms, min ${Math.min(...xs).toFixed(0)} ms, max ${Math.max(...xs).toFixed(0)} ms (n=${xs.length})`;

const ready = (page: Page) =>
  page.waitForFunction(() => document.documentElement.getAttribute('data-ready') === 'true', null, {
    polling: 'raf',
    timeout: 120_000
  });

async function main() {
  if (!existsSync(join(BUILD, 'ranking')))
    throw new Error(`no built site in ${BUILD}: run \`npm run build\` first`);
  if (!existsSync(PDF)) throw new Error(`no PDF at ${PDF}`);
  const pages = /Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [PDF], { encoding: 'utf8' }).stdout ?? '')?.[1];
  console.log(
    `local bench: ${cpus().length} cores, load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`
  );
  const offsite: string[] = [];

  // 1. cold load, default data
  const own = await serveStatic(BUILD, { host: '127.0.0.1', port: 0 });
  const cold: number[] = [];
  for (let i = 0; i < COLD; i++) {
    const b = await launchBenchBrowser();
    await b.page.goto(`${own.url}/ranking/`);
    await ready(b.page);
    const t = await b.page.evaluate(
      () => performance.getEntriesByName('gongkai:data-ready', 'mark')[0]?.startTime ?? null
    );
    if (t !== null) cold.push(t);
    offsite.push(...b.offsite);
    await b.close();
  }
  await own.close();
  console.log(`  cold load, default data (page clock, navigation → data-ready): ${summary(cold)}`);

  // 2. one PDF through the file input
  const work = mkdtempSync(join(tmpdir(), 'gongkai-bench-local-data-'));
  const r = spawnSync(
    process.execPath,
    [
      'node_modules/tsx/dist/cli.mjs',
      'src/cli/ingest.ts',
      '--out',
      work,
      '--quiet',
      'tests/fixtures/template-2024.txt'
    ],
    { cwd: ROOT, encoding: 'utf8' }
  );
  if (r.status !== 0) throw new Error(`ingest of the served fixture failed: ${r.stderr}`);
  const server = await serveStatic(BUILD, { host: '127.0.0.1', port: 0, mounts: { '/data/': work } });
  const added: number[] = [];
  const listed: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const b = await launchBenchBrowser();
    await b.page.goto(`${server.url}/ranking/?v=1&y=${YEAR}&kind=${KIND}`);
    await ready(b.page);
    await b.page.evaluate(() => {
      const input = document.querySelector('input[data-testid="add-documents"]')!;
      input.addEventListener('change', () => performance.mark('bench:input'), { capture: true, once: true });
    });
    await b.page.setInputFiles('input[type=file][data-testid=add-documents]', PDF);
    await b.page.waitForFunction(
      () => {
        const li = document.querySelector('[data-testid="local-documents"] > li');
        const status = li?.getAttribute('data-status');
        if (status === 'ok' || status === 'partial') {
          if (!performance.getEntriesByName('bench:listed').length) performance.mark('bench:listed');
        } else if (status === 'rejected') return true;
        return (
          document.querySelector('[data-testid="chart-ranking"] [data-local="true"]') !== null &&
          document.documentElement.getAttribute('data-ready') === 'true'
        );
      },
      null,
      { polling: 'raf', timeout: 120_000 }
    );
    // no named functions inside: the driver's transpiler would wrap them in a helper the page lacks
    const t = await b.page.evaluate(() => ({
      input: performance.getEntriesByName('bench:input', 'mark')[0]?.startTime ?? NaN,
      listed: performance.getEntriesByName('bench:listed', 'mark')[0]?.startTime ?? NaN,
      now: performance.now(),
      status: document.querySelector('[data-testid="local-documents"] > li')?.getAttribute('data-status')
    }));
    if (t.status === 'rejected') throw new Error(`${PDF} was rejected in the browser`);
    added.push(t.now - t.input);
    listed.push(t.listed - t.input);
    offsite.push(...b.offsite);
    await b.close();
  }
  await server.close();
  rmSync(work, { recursive: true, force: true });
  console.log(`  one PDF (${PDF}, ${pages ?? '?'} pages), file input → its line ok: ${summary(listed)}`);
  console.log(`  one PDF, file input → its unit's bar drawn in the ranking (data-ready): ${summary(added)}`);
  console.log(`  requests leaving 127.0.0.1: ${offsite.length}`);
}

await main();
