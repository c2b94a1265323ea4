import { useCallback, useEffect, useRef, useState } from 'react';
import type { Image } from '../../../src-shared/model';
import { api } from '../../api/transport';
import { useCoreEvents } from '../../api/events';
import {
  META_FIELDS,
  patchOf,
  problemOf,
  valuesOf,
  type FieldProblem,
  type MetaKey,
  type MetaValues,
} from './metaFields';

export const SAVE_DEBOUNCE_MS = 700;

export type SaveState =
  | { kind: 'saved' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'invalid' }
  | { kind: 'failed'; message: string };

/**
 * The details form of one image: loads it, keeps the edited values, saves the changed and valid
 * fields after a pause in typing or when a field loses focus (and when the form closes), one
 * save at a time. A change made elsewhere is taken over when nothing is being edited here.
 */
export function useImageMetaForm(id: string) {
  const [image, setImage] = useState<Image | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [values, setValues] = useState<MetaValues | null>(null);
  const [save, setSave] = useState<SaveState>({ kind: 'saved' });
  const valuesRef = useRef<MetaValues | null>(null);
  const dirty = useRef(new Set<MetaKey>());
  const inFlight = useRef(false);
  const again = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const mounted = useRef(true);

  const adopt = useCallback((img: Image) => {
    setImage(img);
    const next = valuesOf(img);
    // Fields still being edited keep the local value.
    const current = valuesRef.current;
    if (current) for (const k of dirty.current) next[k] = current[k];
    valuesRef.current = next;
    setValues(next);
  }, []);

  const load = useCallback(() => {
    void api['images.get']({ id }).then(
      (img) => mounted.current && adopt(img),
      (e: unknown) => mounted.current && setLoadError(e instanceof Error ? e.message : String(e)),
    );
  }, [id, adopt]);

  useEffect(() => {
    mounted.current = true;
    load();
    return () => {
      mounted.current = false;
    };
  }, [load]);

  const flush = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current);
    const current = valuesRef.current;
    if (!current) return;
    if (inFlight.current) {
      again.current = true;
      return;
    }
    const keys = [...dirty.current].filter((k) => problemOf(k, current[k]) === null);
    const invalid = dirty.current.size > keys.length;
    if (keys.length === 0) {
      if (mounted.current) setSave(invalid ? { kind: 'invalid' } : { kind: 'saved' });
      return;
    }
    inFlight.current = true;
    if (mounted.current) setSave({ kind: 'saving' });
    const sent = { ...current };
    try {
      const img = await api['images.setMeta']({ id, meta: patchOf(sent, keys) });
      for (const k of keys) if (valuesRef.current?.[k] === sent[k]) dirty.current.delete(k);
      if (mounted.current) {
        adopt(img);
        setSave(
          dirty.current.size === 0
            ? { kind: 'saved' }
            : invalid
              ? { kind: 'invalid' }
              : { kind: 'pending' },
        );
      }
    } catch (e) {
      if (mounted.current)
        setSave({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
    } finally {
      inFlight.current = false;
    }
    if (again.current) {
      again.current = false;
      await flush();
    }
  }, [id, adopt]);

  const change = useCallback(
    (key: MetaKey, value: string) => {
      const current = valuesRef.current;
      if (!current) return;
      const next = { ...current, [key]: value };
      valuesRef.current = next;
      setValues(next);
      dirty.current.add(key);
      const bad = [...dirty.current].some((k) => problemOf(k, next[k]) !== null);
      setSave(bad ? { kind: 'invalid' } : { kind: 'pending' });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), SAVE_DEBOUNCE_MS);
    },
    [flush],
  );

  // Closing the form (another image chosen, view left) saves what is pending.
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      if (dirty.current.size > 0) void flush();
    },
    [flush],
  );

  useCoreEvents((e) => {
    if (e.type === 'image.updated' && e.id === id && !inFlight.current) load();
  });

  const problems = {} as Record<MetaKey, FieldProblem>;
  if (values) for (const { key } of META_FIELDS) problems[key] = problemOf(key, values[key]);

  return { image, values, problems, save, loadError, change, flush };
}
