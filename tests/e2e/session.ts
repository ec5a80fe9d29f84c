// One browser session for a test file: opened before its tests, closed after them, and no script error on
// any page it opened.
import { afterAll, beforeAll, expect, inject } from 'vitest';
import type { Page } from 'playwright-core';
import { openSession, waitReady, type Session } from './browser';

export interface FileSession {
  readonly page: Page;
  readonly session: Session;
  /** go to a path of the site under test and wait until every visible view has drawn */
  open(path: string): Promise<void>;
}

export function useSession(opts: { width?: number; height?: number } = {}): FileSession {
  const baseUrl = inject('baseUrl');
  let s: Session | undefined;
  const errors: string[] = [];
  beforeAll(async () => {
    s = await openSession(opts);
    s.page.on('pageerror', (e) => errors.push(e.message));
  });
  afterAll(async () => {
    await s?.close();
    expect(errors).toEqual([]);
  });
  return {
    get page() {
      return s!.page;
    },
    get session() {
      return s!;
    },
    async open(path: string) {
      await s!.page.goto(baseUrl + path);
      await waitReady(s!.page);
    }
  };
}
