/**
 * Saves still under way anywhere in the window. An editor that goes away (closed, or torn down
 * because its view crashed) hands its last flush here, so that an error screen can wait for the
 * text typed just before the crash to be stored before it offers a reload.
 */
const inFlight = new Set<Promise<unknown>>();

export function trackSave(save: Promise<unknown>): void {
  const settled = save.catch(() => undefined);
  inFlight.add(settled);
  void settled.finally(() => inFlight.delete(settled));
}

/** Resolves once every save tracked so far has finished (stored or failed). */
export async function allSaved(): Promise<void> {
  while (inFlight.size > 0) await Promise.all([...inFlight]);
}
