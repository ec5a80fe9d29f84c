// The words of a figure's source shown in place (src/lib/components/SourceText.svelte): "第 N 行" / "line N",
// "第 P 页" / "page P", zh first.
import type { Lang } from './strings';

const list = (lang: Lang, ns: readonly number[]) => ns.join(lang === 'zh' ? '、' : ', ');

/** 第 759 行 / line 759; 第 1080、1092 行 / lines 1080, 1092 */
export function linesText(lang: Lang, lines: readonly number[]): string {
  if (lang === 'zh') return `第 ${list(lang, lines)} 行`;
  return `${lines.length > 1 ? 'lines' : 'line'} ${list(lang, lines)}`;
}

/** 第 28 页 / page 28; 第 6、7 页 / pages 6, 7 */
export function pagesText(lang: Lang, pages: readonly number[]): string {
  if (lang === 'zh') return `第 ${list(lang, pages)} 页`;
  return `${pages.length > 1 ? 'pages' : 'page'} ${list(lang, pages)}`;
}

/** A source as a button names it: its pages (a PDF) then its lines. */
export function sourceText(lang: Lang, lines: readonly number[], pages: readonly number[]): string {
  const l = linesText(lang, lines);
  if (!pages.length) return l;
  return lang === 'zh' ? `${pagesText(lang, pages)} ${l}` : `${pagesText(lang, pages)}, ${l}`;
}

const WORDS = {
  zh: {
    source: '原文',
    prior_source: '上年数原文',
    loading: '正在读取原文…',
    not_stored: '原文未收录',
    failed: '原文读取失败',
    close: '关闭',
    show: '显示原文'
  },
  en: {
    source: 'Source',
    prior_source: 'Prior-year source',
    loading: 'Reading the source…',
    not_stored: 'text not stored',
    failed: 'The source could not be read',
    close: 'Close',
    show: 'Show the source text'
  }
} as const;

export type SourceWord = keyof typeof WORDS.zh;
export const sourceWord = (lang: Lang, k: SourceWord): string => WORDS[lang][k];
