/**
 * Politeness per host: at most `concurrency` requests in flight to one host, and each start at
 * least `delayMs` after the previous start to that host. Waiters are served in order.
 */

export type Release = () => void;

interface HostState {
  active: number;
  waiters: Array<(release: Release) => void>;
  /** Earliest time (ms since epoch) the next request may start. */
  nextStartAt: number;
  timer: NodeJS.Timeout | null;
}

export class HostQueue {
  private readonly hosts = new Map<string, HostState>();

  constructor(
    private readonly concurrency: number,
    private readonly delayMs: number,
  ) {}

  /** Waits for a slot for this host; call the returned function when the request is done. */
  acquire(host: string, signal?: AbortSignal): Promise<Release> {
    const state = this.stateOf(host);
    return new Promise<Release>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const waiter = (release: Release) => {
        signal?.removeEventListener('abort', onAbort);
        resolve(release);
      };
      const onAbort = () => {
        const at = state.waiters.indexOf(waiter);
        if (at >= 0) state.waiters.splice(at, 1);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      state.waiters.push(waiter);
      this.pump(host, state);
    });
  }

  /** Hosts with a request in flight or waiting (for tests and diagnostics). */
  get busyHosts(): number {
    return [...this.hosts.values()].filter((s) => s.active > 0 || s.waiters.length > 0).length;
  }

  private stateOf(host: string): HostState {
    let state = this.hosts.get(host);
    if (!state) {
      state = { active: 0, waiters: [], nextStartAt: 0, timer: null };
      this.hosts.set(host, state);
    }
    return state;
  }

  private pump(host: string, state: HostState): void {
    while (state.active < this.concurrency && state.waiters.length > 0 && state.timer === null) {
      const wait = state.nextStartAt - Date.now();
      if (wait > 0) {
        state.timer = setTimeout(() => {
          state.timer = null;
          this.pump(host, state);
        }, wait);
        return;
      }
      const waiter = state.waiters.shift()!;
      state.active += 1;
      state.nextStartAt = Date.now() + this.delayMs;
      let released = false;
      waiter(() => {
        if (released) return;
        released = true;
        state.active -= 1;
        this.pump(host, state);
      });
    }
    this.forgetWhenIdle(host, state);
  }

  /** An idle host is forgotten once its delay has passed, so the map does not grow forever. */
  private forgetWhenIdle(host: string, state: HostState): void {
    if (state.active > 0 || state.waiters.length > 0 || state.timer !== null) return;
    const wait = Math.max(0, state.nextStartAt - Date.now());
    setTimeout(() => {
      if (state.active === 0 && state.waiters.length === 0 && this.hosts.get(host) === state) {
        this.hosts.delete(host);
      }
    }, wait).unref();
  }
}
