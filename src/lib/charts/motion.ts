// Whether charts may animate: never when a test drives the page or the reader asked for reduced motion.

export function motionAllowed(): boolean {
  if (typeof window === 'undefined') return false;
  if (navigator.webdriver) return false;
  return !window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
}
