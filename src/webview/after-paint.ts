/**
 * When a frame drawn now is out: after the next animation frame, on the task that follows it
 * (the frame has then been handed over). The webviews report it to the host with the epoch
 * ms, the clock of the extension host's marks too, so the benchmark can time a change from
 * the host to the pixels.
 */
export function afterPaint(done: (at: number) => void): void {
  requestAnimationFrame(() => setTimeout(() => done(epochNow())));
}

/** Epoch ms now, with the sub-millisecond part. */
export function epochNow(): number {
  return performance.timeOrigin + performance.now();
}
