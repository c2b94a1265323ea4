/**
 * The local day, as its midnight: changes at the next midnight, so that what says "today" (a
 * list row showing only a time) is re-rendered when a desk stays open overnight.
 */
import { useEffect, useState } from 'react';

/** Midnight (local) of the day `at` falls on. */
export function startOfDay(at: Date): Date {
  return new Date(at.getFullYear(), at.getMonth(), at.getDate());
}

/** Milliseconds from `at` to the next local midnight (at least 1). */
export function msToNextDay(at: Date): number {
  const next = new Date(at.getFullYear(), at.getMonth(), at.getDate() + 1);
  return Math.max(1, next.getTime() - at.getTime());
}

export function useToday(): Date {
  const [today, setToday] = useState(() => startOfDay(new Date()));
  useEffect(() => {
    // A second past midnight: a timer that fires a little early must not keep the old day.
    const timer = setTimeout(
      () => setToday(startOfDay(new Date())),
      msToNextDay(new Date()) + 1000,
    );
    return () => clearTimeout(timer);
  }, [today]);
  return today;
}
