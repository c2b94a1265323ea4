/**
 * Parts of the screen not needed to read or type in the body (the article list, the details
 * panel) render only once the article opened at start is editable and on screen, so that they
 * cost its opening nothing. Their boxes are there from the first frame, empty, so nothing moves
 * when they fill. Without an article opened at start they render at once.
 */
import { useEffect, useState, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { afterStartupPainted, startupOver } from './startupGate';

/** False until start-up is over and the body's first frame is painted. */
export function useStartupPainted(): boolean {
  const [painted, setPainted] = useState(startupOver);
  useEffect(() => (painted ? undefined : afterStartupPainted(() => setPainted(true))), [painted]);
  return painted;
}

/** `children` after start-up (see useStartupPainted), `placeholder` before. */
export function AfterStartup({
  children,
  placeholder = null,
}: {
  children: ReactNode;
  placeholder?: ReactNode;
}) {
  return useStartupPainted() ? children : placeholder;
}

/** An `<aside>` that is there from the start (busy), with its content after start-up. */
export function DeferredAside({ children, ...props }: ComponentPropsWithoutRef<'aside'>) {
  const painted = useStartupPainted();
  return (
    <aside {...props} aria-busy={painted ? undefined : true}>
      {painted ? children : null}
    </aside>
  );
}
