import { useEffect, useRef } from 'react';
import type { CoreEvent } from '../../src-shared/api';
import { transport } from './transport';

/** Subscribes a component to core change events for its lifetime. */
export function useCoreEvents(listener: (e: CoreEvent) => void): void {
  const ref = useRef(listener);
  ref.current = listener;
  useEffect(() => transport.onEvent((e) => ref.current(e)), []);
}
