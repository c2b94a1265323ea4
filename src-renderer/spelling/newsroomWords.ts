/**
 * The newsroom dictionary as the renderer sees it: the word list, reloaded whenever the core
 * announces a change (a word added here, or a pull that brought other desks' words).
 */
import { useEffect, useState } from 'react';
import type { NewsroomWord } from '../../src-shared/api';
import { api } from '../api/transport';
import { useCoreEvents } from '../api/events';
import { afterStartup } from '../boot/startupGate';

/** The last list loaded in this window, so a view opened later starts with it. */
let last: readonly NewsroomWord[] | null = null;

/** The words; null until the first list of this window has loaded. */
export function useNewsroomWords(): readonly NewsroomWord[] | null {
  const [words, setWords] = useState<readonly NewsroomWord[] | null>(last);
  const [version, setVersion] = useState(0);
  useCoreEvents((e) => {
    if (e.type === 'dictionary.updated') setVersion((n) => n + 1);
  });
  useEffect(() => {
    let live = true;
    const cancel = afterStartup(
      () =>
        void api['dictionary.list']({}).then(
          (r) => {
            last = r.items;
            if (live) setWords(r.items);
          },
          (e: unknown) => console.error('Newsroom dictionary:', e),
        ),
    );
    return () => {
      live = false;
      cancel();
    };
  }, [version]);
  return words;
}
