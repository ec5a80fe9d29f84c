import { describe, expect, it } from 'vitest';
import { throttledWriter, type Pending } from '../../src/lib/state/throttle';

function fakeClock() {
  let t = 1000;
  const timers: { at: number; fn: () => void }[] = [];
  return {
    now: () => t,
    setTimeout: (fn: () => void, ms: number) => timers.push({ at: t + ms, fn }),
    advance(ms: number) {
      t += ms;
      for (const x of timers.splice(0).sort((a, b) => a.at - b.at)) {
        if (x.at <= t) x.fn();
        else timers.push(x);
      }
    },
    timers
  };
}

describe('throttled URL writer', () => {
  it('writes the first change at once and collapses a burst into one trailing write of the latest', () => {
    const clock = fakeClock();
    const out: Pending[] = [];
    const write = throttledWriter((p) => out.push(p), 150, clock);
    write('/ranking/?v=1&y=2020');
    expect(out).toEqual([{ href: '/ranking/?v=1&y=2020', replace: false }]);
    clock.advance(20);
    write('/ranking/?v=1&y=2021');
    clock.advance(20);
    write('/ranking/?v=1&y=2022');
    expect(out).toHaveLength(1);
    clock.advance(200);
    expect(out).toEqual([
      { href: '/ranking/?v=1&y=2020', replace: false },
      { href: '/ranking/?v=1&y=2022', replace: false }
    ]);
    // after a quiet period, at once again
    clock.advance(500);
    write('/ranking/?v=1&y=2023', true);
    expect(out[2]).toEqual({ href: '/ranking/?v=1&y=2023', replace: true });
  });

  it('a burst mixing pushes and replaces is a push', () => {
    const clock = fakeClock();
    const out: Pending[] = [];
    const write = throttledWriter((p) => out.push(p), 150, clock);
    write('/a', true);
    write('/b', true);
    write('/c', false);
    clock.advance(150);
    expect(out).toEqual([
      { href: '/a', replace: true },
      { href: '/c', replace: false }
    ]);
  });
});
