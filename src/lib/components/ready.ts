// <html data-ready="true"> when the engine is up and no view is querying or drawing; removed while one is.
// Tests and benchmarks wait for it.

const pending = new Set<string>();
let engineUp = false;
let engineFailed = false;
let frame = 0;

function root(): HTMLElement | null {
  return typeof document === 'undefined' ? null : document.documentElement;
}

function update() {
  const html = root();
  if (!html) return;
  if (frame) cancelAnimationFrame(frame);
  frame = 0;
  if (!engineUp || (pending.size > 0 && !engineFailed)) {
    html.removeAttribute('data-ready');
    return;
  }
  // in the next frame's animation callbacks: the marks are in the DOM; the browser styles, lays out and
  // paints them right after (the browser bench reports that rendering apart, with --breakdown). After a
  // long draw the frame is already due, so this costs no wait then.
  frame = requestAnimationFrame(() => {
    frame = 0;
    if (engineUp && (pending.size === 0 || engineFailed)) {
      html.setAttribute('data-ready', 'true');
      // for benchmarks and the browser's performance panel
      globalThis.performance?.mark?.('gongkai:data-ready');
    }
  });
}

/** A view started querying or drawing. */
export function markBusy(key: string) {
  pending.add(key);
  update();
}

/** The view has drawn (or failed and shows why). */
export function markDone(key: string) {
  pending.delete(key);
  update();
}

/** The engine is up (or has failed: then the page is "ready" showing the error, whatever views wait). */
export function markEngine(up: boolean, failed = false) {
  engineUp = up;
  engineFailed = failed;
  update();
}
