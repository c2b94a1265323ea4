/**
 * Test-only: lets an end-to-end test make a view throw while rendering, to check its error
 * boundary. Active only when the core says so (browser mode started with --test-hooks, which
 * neither the app nor `npm start` ever pass); then a window event
 * `copydesk:test-crash` with the view's name as detail makes that view's next render throw. Once
 * it listens, the probe marks itself (`data-crash-probe`, hidden), so a test knows when to send it.
 */
import { useEffect, useState } from 'react';
import { api } from '../api/transport';
import { afterStartup } from '../boot/startupGate';

let hooksEnabled: Promise<boolean> | null = null;
const testHooksEnabled = () =>
  (hooksEnabled ??= api['app.info']({}).then(
    (i) => i.testHooks === true,
    () => false,
  ));

export function CrashProbe({ view }: { view: string }) {
  const [crash, setCrash] = useState(false);
  const [armed, setArmed] = useState(false);
  useEffect(() => {
    let live = true;
    const onCrash = (e: Event) => {
      if ((e as CustomEvent<unknown>).detail === view) setCrash(true);
    };
    // Asked once the article opened at start is editable (boot/startupGate.ts), like the rest
    // of the shell's calls.
    const cancel = afterStartup(
      () =>
        void testHooksEnabled().then((on) => {
          if (!on || !live) return;
          window.addEventListener('copydesk:test-crash', onCrash);
          setArmed(true);
        }),
    );
    return () => {
      live = false;
      cancel();
      window.removeEventListener('copydesk:test-crash', onCrash);
    };
  }, [view]);
  if (crash) throw new Error(`Test crash in the ${view} view`);
  return armed ? <span hidden data-crash-probe={view} /> : null;
}
