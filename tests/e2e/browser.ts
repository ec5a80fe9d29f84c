// Launch Debian's Chromium with playwright-core, with a fresh profile, and record every request URL so tests
// can assert that nothing leaves 127.0.0.1.
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
];

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Every URL the page requested, in order (including blocked ones). */
  requests: string[];
  close(): Promise<void>;
}

export async function openSession(opts: { width?: number; height?: number } = {}): Promise<Session> {
  const profile = mkdtempSync(join(tmpdir(), 'gongkai-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 900 },
    locale: 'zh-CN'
  });
  const requests: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    requests.push(url);
    const host = new URL(url).hostname;
    if (url.startsWith('data:') || url.startsWith('blob:') || host === '127.0.0.1') return route.continue();
    return route.abort('blockedbyclient');
  });
  context.on('request', (r) => {
    if (!requests.includes(r.url())) requests.push(r.url());
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    requests,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  };
}

/** Wait until <html data-ready="true"> (every visible view has drawn). */
export async function waitReady(page: Page, timeout = 60_000) {
  await page.waitForSelector('html[data-ready="true"]', { timeout, state: 'attached' });
}

export async function screenshot(page: Page, name: string) {
  mkdirSync('test-results/screenshots', { recursive: true });
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: false });
}
