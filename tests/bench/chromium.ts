// One Debian Chromium for the browser benchmarks: a fresh profile each launch, every request off 127.0.0.1
// (data: and blob: aside) aborted and recorded, so a benchmark can print that nothing left the machine.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../e2e/browser';

export interface BenchBrowser {
  ctx: BrowserContext;
  page: Page;
  /** requests that tried to leave 127.0.0.1 */
  offsite: string[];
  close(): Promise<void>;
}

export async function launchBenchBrowser(): Promise<BenchBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'gongkai-bench-chrome-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 }
  });
  const offsite: string[] = [];
  await ctx.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.hostname !== '127.0.0.1' && !/^(data|blob):/.test(u.href)) {
      offsite.push(u.href);
      return route.abort();
    }
    return route.continue();
  });
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  return {
    ctx,
    page,
    offsite,
    close: async () => {
      await ctx.close();
      rmSync(profile, { recursive: true, force: true });
    }
  };
}
