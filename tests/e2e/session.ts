// One browser session for a test file: Chromium opened before its tests and closed after them, the site under
// test (the build global-setup serves, or a site the file serves itself) and, checked once the tests are done,
// no script error and no dialog on its page, and no request of the browser that left 127.0.0.1.
import { afterAll, beforeAll, expect, inject } from 'vitest';
import type { Page } from 'playwright-core';
import { openSession, waitReady, type Session } from './browser';

export interface SessionOptions {
  width?: number;
  height?: number;
  /** the address of the site the file serves itself (read when a page opens); the built app by default */
  site?: () => string;
  /** an error written to the console counts as a script error too */
  consoleErrors?: boolean;
}

export interface FileSession {
  /** the session's page: may be taken at the top of a file (it stands for the page once the session is open) */
  readonly page: Page;
  readonly session: Session;
  /** the address of the site under test */
  readonly baseUrl: string;
  /** every script error of the page so far, in order */
  readonly errors: readonly string[];
  /** every dialog (alert, confirm, prompt) the page opened, dismissed */
  readonly dialogs: readonly string[];
  /** go to a path of the site under test and wait until every visible view has drawn */
  open(path: string, page?: Page): Promise<void>;
  /** a second page of the same browser, on `path` (a path of the site or a full URL), once drawn */
  another(path: string): Promise<Page>;
  /** the marks of a view's chart as [unit id, value] pairs, in document order (`extra` narrows the selector) */
  marks(view: string, opts?: { page?: Page; extra?: string }): Promise<[string, number][]>;
}

const outsideLocal = (requests: string[]) =>
  requests.filter((u) => !/^(data:|blob:)/.test(u) && new URL(u).hostname !== '127.0.0.1');

export function useSession(opts: SessionOptions = {}): FileSession {
  const built = opts.site ? '' : inject('baseUrl');
  const site = opts.site ?? (() => built);
  let s: Session | undefined;
  const errors: string[] = [];
  const dialogs: string[] = [];
  const watch = (p: Page) => {
    p.on('pageerror', (e) => errors.push(e.message));
    if (opts.consoleErrors)
      p.on('console', (m) => {
        if (m.type() === 'error') errors.push(`console: ${m.text()}`);
      });
    p.on('dialog', (d) => {
      dialogs.push(`${d.type()}: ${d.message()}`);
      void d.dismiss();
    });
  };
  beforeAll(async () => {
    s = await openSession(opts);
    watch(s.page);
  });
  afterAll(async () => {
    const outside = outsideLocal(s?.requests ?? []);
    await s?.close();
    expect(outside).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });
  const url = (path: string) => (/^https?:/.test(path) ? path : site() + path);
  const current = () => {
    if (!s) throw new Error('the browser session is not open yet (use the page inside a test or a hook)');
    return s.page;
  };
  // every property read on it is read on the open page (its methods bound to it)
  const page = new Proxy({} as Page, {
    get(_, key) {
      const p = current();
      const v: unknown = Reflect.get(p, key);
      return typeof v === 'function' ? v.bind(p) : v;
    }
  });
  const ui: FileSession = {
    page,
    get session() {
      return s!;
    },
    get baseUrl() {
      return site();
    },
    errors,
    dialogs,
    async open(path, p = current()) {
      await p.goto(url(path));
      await waitReady(p);
    },
    async another(path) {
      const page = await s!.context.newPage();
      await ui.open(path, page);
      return page;
    },
    marks(view, { page: p = current(), extra = '' } = {}) {
      return p.$$eval(`[data-testid="chart-${view}"] [data-unit-id][data-value]${extra}`, (els) =>
        els.map(
          (e) => [e.getAttribute('data-unit-id')!, Number(e.getAttribute('data-value'))] as [string, number]
        )
      );
    }
  };
  return ui;
}
