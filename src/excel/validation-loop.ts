// Coalescing of change bursts without a fixed delay: the first change starts a validation pass at
// once; whatever arrives while a pass runs (the other 174 events of a paste, a fill, an undo) is
// folded into one next pass, which starts when the running one ends. So a single edit costs one pass,
// and a burst of any length costs at most two, with no timer to tune.

export interface ValidationLoop<N> {
  /** A change happened: validate it (now, or folded into the pass after the running one). */
  notify(note: N): void;
  /** Resolves once no pass is running and none is waiting. */
  idle(): Promise<void>;
  /** No further passes; a running one finishes. */
  dispose(): void;
  /** Passes started so far. */
  readonly passes: number;
}

export interface ValidationLoopOptions<N> {
  /** One validation pass over the notes gathered since the last pass started. */
  run(notes: readonly N[]): Promise<void>;
  /** A pass failed: say so; the loop goes on with the next change. */
  onError(error: unknown): void;
}

export function createValidationLoop<N>(options: ValidationLoopOptions<N>): ValidationLoop<N> {
  let pending: N[] = [];
  let running = false;
  let disposed = false;
  let passes = 0;
  let waiters: (() => void)[] = [];

  const settle = (): void => {
    if (running || pending.length > 0) return;
    const done = waiters;
    waiters = [];
    for (const resolve of done) resolve();
  };

  const pump = async (): Promise<void> => {
    running = true;
    while (pending.length > 0 && !disposed) {
      const notes = pending;
      pending = [];
      passes += 1;
      try {
        await options.run(notes);
      } catch (error) {
        options.onError(error);
      }
    }
    if (disposed) pending = [];
    running = false;
    settle();
  };

  return {
    notify(note) {
      if (disposed) return;
      pending.push(note);
      if (!running) void pump();
    },
    idle() {
      if (!running && pending.length === 0) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
    dispose() {
      disposed = true;
    },
    get passes() {
      return passes;
    },
  };
}
