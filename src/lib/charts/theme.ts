// Colours, fonts and sizes shared by every chart. Attributes, not CSS classes, so an exported SVG looks the same.

export const FONT_FAMILY =
  '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", sans-serif';
export const FONT_SIZE = 12;
export const ROW_HEIGHT = 22;
export const BAR_HEIGHT = 14;

export const COLOR = {
  published: '#2563a8',
  synthetic: '#7fa7cf',
  /** the reader's own documents */
  local: '#0f766e',
  highlight: '#c2410c',
  estimated: '#ffffff',
  reference: '#444444',
  quartile: '#e8eef5',
  axis: '#555555',
  grid: '#e5e5e5',
  text: '#1a1a1a',
  muted: '#6b6b6b',
  outlier: '#b91c1c'
} as const;

/** Fill colours of the parts of a stacked or grouped bar, in order. */
export const PART_COLORS = ['#2563a8', '#f59e0b', '#10b981', '#8b5cf6', '#ef4444', '#64748b'] as const;

export const partColor = (i: number) => PART_COLORS[i % PART_COLORS.length];
