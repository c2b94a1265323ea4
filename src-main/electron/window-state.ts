/**
 * The main window's size and position, remembered in the profile (window-state.json). Pure:
 * main.ts reads and writes the file and hands in the displays; this decides what to restore, so
 * that a window saved on a monitor that is gone, or larger than the screen now, still opens
 * fully visible.
 */
import { z } from 'zod';

export const WINDOW_STATE_FILE = 'window-state.json';

export const WindowState = z.strictObject({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean(),
  fullScreen: z.boolean().default(false),
});
export type WindowState = z.infer<typeof WindowState>;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowDefaults {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
}

/** The saved state, or null for a missing, damaged or foreign file (the defaults apply). */
export function parseWindowState(text: string | null): WindowState | null {
  if (text === null) return null;
  try {
    const r = WindowState.safeParse(JSON.parse(text));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Where to open the window: the saved bounds when they are on a display now (shrunk to fit it),
 * else the default size centred by the system (no x/y).
 */
export function restoreWindow(
  saved: WindowState | null,
  workAreas: readonly Rect[],
  defaults: WindowDefaults,
): {
  bounds: Partial<Rect> & { width: number; height: number };
  maximized: boolean;
  fullScreen: boolean;
} {
  const fallback = {
    bounds: { width: defaults.width, height: defaults.height },
    maximized: false,
    fullScreen: false,
  };
  if (!saved || workAreas.length === 0) return fallback;
  const best = [...workAreas].sort((a, b) => overlap(saved, b) - overlap(saved, a))[0]!;
  // Less than a quarter of the window (or of a 200×100 grip) on any display: it is lost.
  const needed = Math.min(saved.width * saved.height * 0.25, 200 * 100);
  if (overlap(saved, best) < needed) return fallback;
  const width = Math.max(defaults.minWidth, Math.min(saved.width, best.width));
  const height = Math.max(defaults.minHeight, Math.min(saved.height, best.height));
  const x = Math.min(Math.max(saved.x, best.x), best.x + best.width - width);
  const y = Math.min(Math.max(saved.y, best.y), best.y + best.height - height);
  return {
    bounds: { x, y, width, height },
    maximized: saved.maximized,
    fullScreen: saved.fullScreen,
  };
}

/** What to save: the normal (not maximized) bounds, so un-maximizing later restores them. */
export function windowStateToSave(
  normalBounds: Rect,
  flags: { maximized: boolean; fullScreen: boolean },
): string {
  const state: WindowState = {
    x: Math.round(normalBounds.x),
    y: Math.round(normalBounds.y),
    width: Math.round(normalBounds.width),
    height: Math.round(normalBounds.height),
    maximized: flags.maximized,
    fullScreen: flags.fullScreen,
  };
  return `${JSON.stringify(state)}\n`;
}
