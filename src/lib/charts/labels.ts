// Text helpers for chart labels: CJK-aware width estimates and truncation.

/** Rough rendered width in px: CJK and full-width characters count 1 em, others ~0.6 em. */
export function textWidth(text: string, fontSize: number): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    const wide = (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef);
    w += wide ? fontSize : fontSize * 0.6;
  }
  return w;
}

/** Cut a label to fit maxWidth px, ending in "…" when cut. */
export function truncateLabel(text: string, maxWidth: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  const chars = [...text];
  let out = '';
  for (const ch of chars) {
    if (textWidth(out + ch + '…', fontSize) > maxWidth) break;
    out += ch;
  }
  return out + '…';
}
