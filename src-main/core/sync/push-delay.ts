/**
 * How long after a local change the desk pushes it. Short, because colleagues see a change as soon
 * as it is pushed (the server pokes their desks); the editor's autosave already coalesces typing.
 */
export const PUSH_DEBOUNCE_MS = 100;

/**
 * The push delay: COPYDESK_PUSH_DELAY_MS (whole milliseconds, 0 to 600000) where set, e.g. to
 * batch pushes on a slow link, else PUSH_DEBOUNCE_MS.
 */
export function pushDelayMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.COPYDESK_PUSH_DELAY_MS;
  if (raw === undefined || raw === '') return PUSH_DEBOUNCE_MS;
  const ms = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || ms > 600_000) {
    throw new Error(
      `COPYDESK_PUSH_DELAY_MS must be a whole number of milliseconds from 0 to 600000, not "${raw}".`,
    );
  }
  return ms;
}
