// Which history entry a URL write makes. A deliberate change (a click, a pick from an opened list, a typed
// search) adds a back-button entry. Browsing a control with the keyboard (arrow keys in a closed <select>,
// which change its value at every press) adds one entry for the whole run: its first change pushes, the
// next ones replace it, until the control loses the focus, Enter is pressed or the pointer is used.
// Pure: the browser's events are fed in by watchKeyboardRuns (url.ts).

/** Keys that move a control's value step by step. */
const BROWSE_KEYS = new Set([
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'Home',
  'End',
  'PageUp',
  'PageDown'
]);

export interface EntryPolicy {
  keydown(target: unknown, key: string): void;
  keyup(): void;
  /** the focus left `target` (or the pointer was used): the run ends */
  end(target?: unknown): void;
  /** a control's value changed: should its URL write replace the current entry? */
  change(target: unknown): boolean;
}

export function entryPolicy(): EntryPolicy {
  /** the control a browse key is held down on (its change events come from that key) */
  let keyed: unknown = null;
  /** the control whose keyboard run made the current history entry */
  let run: unknown = null;
  return {
    keydown(target, key) {
      if (BROWSE_KEYS.has(key) || (key.length === 1 && key !== ' ')) keyed = target;
      else {
        keyed = null;
        if (key === 'Enter' || key === 'Tab') run = null;
      }
    },
    keyup() {
      keyed = null;
    },
    end(target) {
      if (target === undefined || target === run) run = null;
      keyed = null;
    },
    change(target) {
      if (target !== null && target === keyed) {
        const replace = run === target;
        run = target;
        return replace;
      }
      run = null;
      return false;
    }
  };
}
