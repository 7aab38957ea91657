/** Every timer the simulator starts, so closing it stops QR rotation, reconnects, retries and held requests at once. */
export class Timers {
  private readonly pending = new Map<NodeJS.Timeout, () => void>();
  private stopped = false;

  /** Runs `task` after `ms`; returns a cancel function. Does nothing once stopped. */
  after(ms: number, task: () => void): () => void {
    if (this.stopped) return () => {};
    const handle = setTimeout(() => {
      this.pending.delete(handle);
      task();
    }, ms);
    const cancel = () => {
      clearTimeout(handle);
      this.pending.delete(handle);
    };
    this.pending.set(handle, cancel);
    return cancel;
  }

  /** Resolves after `ms`, or rejects when cancelled first (by a reset or by closing the simulator). */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.stopped) return reject(new Error("timer cancelled"));
      const handle = setTimeout(() => {
        this.pending.delete(handle);
        resolve();
      }, ms);
      this.pending.set(handle, () => {
        clearTimeout(handle);
        reject(new Error("timer cancelled"));
      });
    });
  }

  /** Cancels every pending timer (sleepers reject) but keeps accepting new ones: used by the control reset. */
  cancelAll(): void {
    for (const cancel of [...this.pending.values()]) cancel();
    this.pending.clear();
  }

  stop(): void {
    this.stopped = true;
    this.cancelAll();
  }
}
