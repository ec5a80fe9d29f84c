// npm run data [-- --force]: builds the default data in data/parquet/ — the real published sample
// (data/disclosures) plus the synthetic demo city 示例市 (generated here, ~150 units × 2019–2024, fixed seed,
// about a fifth of the units' documents as PDF) — by running the real ingest CLI on both. Skips the work when
// data/parquet/manifest.json exists. Without the CJK font (fonts-noto-cjk) the PDF share is written as text.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cjkFontAvailable, NOTO_CJK_PATH } from '../lib/generate/pdf/font';
import { removeAnswerKeys, runGenerate } from './generate';

export const DEMO = {
  units: 150,
  firstYear: 2019,
  lastYear: 2024,
  seed: 'gongkai-demo-1',
  inconsistencyRate: 0.03,
  /** share of units whose documents are PDFs (so the ingest's PDF reader runs on the default data) */
  pdfShare: 0.2
};
const OUT = 'data/parquet';
const PUBLISHED = 'data/disclosures';

function runIngestChild(args: string[]): Promise<number> {
  const tsx = resolve('node_modules/tsx/dist/cli.mjs');
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [tsx, 'src/cli/ingest.ts', ...args], { stdio: 'inherit' });
    child.on('error', fail);
    child.on('exit', (code, signal) =>
      signal ? fail(new Error(`ingest killed by ${signal}`)) : done(code ?? 1)
    );
  });
}

async function main(argv: string[]): Promise<number> {
  const unknown = argv.filter((a) => a !== '--force');
  if (unknown.length) {
    process.stderr.write(`data: unknown argument ${unknown[0]}\nusage: npm run data [-- --force]\n`);
    return 1;
  }
  const manifest = join(OUT, 'manifest.json');
  if (existsSync(manifest) && !argv.includes('--force')) {
    process.stderr.write(`data: ${manifest} exists, nothing to do (rebuild with npm run data -- --force)\n`);
    return 0;
  }
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-demo-'));
  try {
    process.stderr.write(
      `data: [1/2] generating the synthetic demo city (${DEMO.units} units × ${DEMO.firstYear}–${DEMO.lastYear}, seed ${DEMO.seed}) into ${dir}\n`
    );
    // the documents' names in the data are relative to the temp folder ("demo-city/u00001_2019_budget.txt"),
    // so a rebuild gives the same bytes
    const city = join(dir, 'demo-city');
    let pdfShare = DEMO.pdfShare;
    if (!(await cjkFontAvailable())) {
      process.stderr.write(
        `data: warning: the CJK font ${NOTO_CJK_PATH} is missing (apt-get install fonts-noto-cjk), so the demo city's PDF share is written as .txt\n`
      );
      pdfShare = 0;
    }
    await runGenerate({ ...DEMO, pdfShare, out: city, quiet: false });
    removeAnswerKeys(city);
    process.stderr.write(
      `data: [2/2] ingesting ${PUBLISHED} (published) and the demo city (synthetic) into ${OUT}\n`
    );
    const code = await runIngestChild(['--out', OUT, '--relative-to', dir, PUBLISHED, city]);
    if (code !== 0) {
      process.stderr.write(`data: the ingest exited with ${code}; see ${join(OUT, 'ingest-report.json')}\n`);
      return code;
    }
    process.stderr.write(`data: done → ${OUT} (the demo city is synthetic: source_kind = 'synthetic')\n`);
    return 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`data: ${(e as Error).message}\n`);
    process.exit(1);
  }
);
