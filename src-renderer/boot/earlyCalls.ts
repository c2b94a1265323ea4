/**
 * The answers the early script (boot/early.ts) asked for before the app was parsed. A transport
 * call that matches one (same method, same input) takes its answer once; anything else, or an
 * early call that failed, goes to the core as usual. The answer is still validated by the
 * DesktopApi client like any other.
 */
import type { CallResult, DesktopTransport, MethodName } from '../../src-shared/api';

export interface EarlyCall {
  method: string;
  input: unknown;
  /** The raw answer (a CallResult), or null when the early call failed. */
  result: Promise<unknown>;
}

const keyOf = (method: string, input: unknown) => `${method} ${JSON.stringify(input ?? {})}`;

/** Wraps `inner` so that calls matching an early one take its answer (each once). */
export function withEarlyCalls(
  inner: DesktopTransport,
  early: readonly EarlyCall[] | undefined,
): DesktopTransport {
  const waiting = new Map<string, Promise<unknown>>();
  for (const c of early ?? []) waiting.set(keyOf(c.method, c.input), c.result);
  if (waiting.size === 0) return inner;
  return {
    async call(method: MethodName, input: unknown): Promise<CallResult> {
      const key = keyOf(method, input);
      const answer = waiting.get(key);
      if (answer) {
        waiting.delete(key);
        const value = await answer;
        if (value !== null && value !== undefined) return value as CallResult;
      }
      return inner.call(method, input);
    },
    onEvent: (listener) => inner.onEvent(listener),
  };
}

/** The early calls the early script left on the window (none when it did not run). */
export function earlyCallsOfWindow(): readonly EarlyCall[] | undefined {
  const w = globalThis as { __copydeskEarly?: EarlyCall[] };
  const calls = w.__copydeskEarly;
  delete w.__copydeskEarly;
  return Array.isArray(calls) ? calls : undefined;
}
