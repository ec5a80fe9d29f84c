// A read PDF → the ingest's DocumentText: the same normalised, numbered lines the text path gives, each
// with its page and cells. Leading lines starting with '# ' (the generator's '# synthetic: …') are headers.
import { looksTraditional, normaliseLine, type DocumentText, type Line } from '../text';
import { pdfLines } from './layout';
import type { PdfInfo } from './load';

export function pdfDocumentText(info: PdfInfo): DocumentText {
  let sample = '';
  for (const p of info.pages) {
    for (const it of p.items) sample += it.str;
    if (sample.length > 8000) break;
  }
  const traditional = looksTraditional(sample);
  const all = pdfLines(info.pages, (s) => normaliseLine(s, traditional));
  const headers: string[] = [];
  let k = 0;
  while (k < all.length && /^#\s/.test(all[k].text)) headers.push(all[k++].text);
  const lines: Line[] = all.slice(k);
  // the id hashes the text as read: page, line and text of every line, headers excluded
  const normalised = lines.map((l) => `${l.page}\t${l.no}\t${l.text}`).join('\n');
  return { lines, headers, html: false, normalised };
}
