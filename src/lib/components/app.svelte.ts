// The app-wide state every page reads: the language, and the engine with the data's facets once loaded.
// The engine module is imported dynamically (browser only), never at the top of a module the prerender runs.
import type { Db, EngineProgress, Facets } from '../db/queries';
import { DEFAULT_LANG, isLang, type Lang } from '../i18n';
import { markEngine } from './ready';
import { attachEngine } from './localDocs.svelte';
import { storedCount } from './localStore';

export type EngineStatus = 'idle' | 'loading' | 'ready' | 'error';

class AppState {
  lang = $state<Lang>(DEFAULT_LANG);
  status = $state<EngineStatus>('idle');
  progress = $state<EngineProgress | null>(null);
  error = $state('');
  errorEn = $state('');
  /** the data was read and disagrees with its manifest: no network hint */
  errorIsData = $state(false);
  /** raw, not deeply reactive: replaced whole, never mutated (a 100k corpus has tens of thousands of units,
   * and a deep proxy per unit would cost more than the query that listed them) */
  db = $state.raw<Db | null>(null);
  facets = $state.raw<Facets | null>(null);
  /** the data holds synthetic units */
  hasSynthetic = $state(false);
}

export const app = new AppState();

const LANG_KEY = 'gongkai.lang';

/** The language at start: the one the link names, else the reader's last choice, else zh. */
export function initLang(fromUrl?: Lang) {
  if (fromUrl) return setLang(fromUrl);
  try {
    const saved = localStorage.getItem(LANG_KEY);
    if (isLang(saved)) app.lang = saved;
  } catch {
    /* storage may be disabled */
  }
  applyLang();
}

export function setLang(lang: Lang) {
  app.lang = lang;
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    /* ignore */
  }
  applyLang();
}

function applyLang() {
  document.documentElement.lang = app.lang === 'zh' ? 'zh-CN' : 'en';
}

/** Plain words for what went wrong while loading. */
export function describeLoadError(err: unknown): { zh: string; en: string; data: boolean } {
  const cut = (m: string) => (m.length > 300 ? m.slice(0, 300) + '…' : m);
  const zh = cut(err instanceof Error ? err.message : String(err));
  const en =
    err && typeof err === 'object' && typeof (err as { en?: unknown }).en === 'string'
      ? cut((err as { en: string }).en)
      : zh;
  const data = !!err && typeof err === 'object' && (err as { kind?: unknown }).kind === 'data';
  return { zh, en, data };
}

let started: Promise<void> | null = null;

/** Open the engine once per page load; later calls wait for the same load. */
export function startEngine(): Promise<void> {
  if (started) return started;
  app.status = 'loading';
  markEngine(false);
  started = (async () => {
    try {
      // the reader's own documents kept from an earlier visit (IndexedDB), looked up while the engine loads
      const kept = storedCount();
      const { openEngine } = await import('../db/engine');
      const engine = await openEngine((p: EngineProgress) => {
        app.progress = p;
      });
      const { db, manifest } = engine;
      const withLocal = await attachEngine(engine, (await kept) > 0);
      const { loadFacets, manifestFacets } = await import('../db/facets');
      // with local documents the facets come from the data (the manifest knows only the served files)
      const facets = await loadFacets(db, withLocal ? null : manifestFacets(manifest));
      app.db = db;
      app.facets = facets;
      app.hasSynthetic = facets.sourceKinds.includes('synthetic');
      app.status = 'ready';
      markEngine(true);
    } catch (err) {
      const d = describeLoadError(err);
      app.error = d.zh;
      app.errorEn = d.en;
      app.errorIsData = d.data;
      app.status = 'error';
      // the page has finished: it shows the error
      markEngine(true, true);
    }
  })();
  return started;
}
