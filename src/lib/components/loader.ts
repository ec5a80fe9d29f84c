// Run a view's queries: marks the page busy (no data-ready) until the newest run has been applied and drawn,
// and ignores the result of a run that a newer one has replaced.
import { tick } from 'svelte';
import { markBusy, markDone } from './ready';
import { app } from './app.svelte';

export interface Loader {
  run<T>(fetch: () => Promise<T>, apply: (value: T) => void, fail: (message: string) => void): Promise<void>;
  dispose(): void;
}

export function createLoader(key: string): Loader {
  let seq = 0;
  // busy from the moment the page exists: the engine may be up before the page has run its first query
  markBusy(key);
  return {
    async run(fetch, apply, fail) {
      const mine = ++seq;
      markBusy(key);
      try {
        const value = await fetch();
        if (mine !== seq) return;
        apply(value);
      } catch (err) {
        if (mine !== seq) return;
        // an error in plain words carries its English beside it (db/engine.ts EngineError)
        const en = (err as { en?: unknown } | null)?.en;
        const message =
          app.lang === 'en' && typeof en === 'string' ? en : err instanceof Error ? err.message : String(err);
        fail(message.split('\n')[0]);
      }
      await tick();
      if (mine === seq) markDone(key);
    },
    dispose() {
      seq++;
      markDone(key);
    }
  };
}
