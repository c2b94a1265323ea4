import { describe, expect, it } from 'vitest';
import {
  parseWindowState,
  restoreWindow,
  windowStateToSave,
} from '../../src-main/electron/window-state';

const defaults = { width: 1280, height: 860, minWidth: 800, minHeight: 560 };
const laptop = { x: 0, y: 0, width: 1440, height: 900 };
const external = { x: 1440, y: 0, width: 2560, height: 1440 };

describe('window state', () => {
  it('round-trips what was saved', () => {
    const text = windowStateToSave(
      { x: 1500.4, y: 40, width: 1600, height: 1000 },
      { maximized: true, fullScreen: false },
    );
    const saved = parseWindowState(text);
    expect(saved).toEqual({
      x: 1500,
      y: 40,
      width: 1600,
      height: 1000,
      maximized: true,
      fullScreen: false,
    });
    expect(restoreWindow(saved, [laptop, external], defaults)).toEqual({
      bounds: { x: 1500, y: 40, width: 1600, height: 1000 },
      maximized: true,
      fullScreen: false,
    });
  });

  it('ignores a missing, damaged or foreign file', () => {
    expect(parseWindowState(null)).toBeNull();
    expect(parseWindowState('{"x":1')).toBeNull();
    expect(parseWindowState('{"x":1,"y":2,"width":-5,"height":3,"maximized":false}')).toBeNull();
    expect(parseWindowState('[]')).toBeNull();
    expect(restoreWindow(null, [laptop], defaults)).toEqual({
      bounds: { width: 1280, height: 860 },
      maximized: false,
      fullScreen: false,
    });
  });

  it('opens on the default place when the saved monitor is gone', () => {
    const saved = parseWindowState(
      windowStateToSave(
        { x: 2000, y: 100, width: 1600, height: 1000 },
        { maximized: false, fullScreen: false },
      ),
    );
    expect(restoreWindow(saved, [laptop], defaults).bounds).toEqual({ width: 1280, height: 860 });
  });

  it('shrinks and moves a window that no longer fits onto the display it is mostly on', () => {
    const saved = parseWindowState(
      windowStateToSave(
        { x: 900, y: 300, width: 2000, height: 1200 },
        { maximized: false, fullScreen: false },
      ),
    );
    expect(restoreWindow(saved, [laptop], defaults).bounds).toEqual({
      x: 0,
      y: 0,
      width: 1440,
      height: 900,
    });
  });

  it('never goes below the minimum size', () => {
    const saved = parseWindowState(
      windowStateToSave(
        { x: 10, y: 10, width: 300, height: 200 },
        { maximized: false, fullScreen: false },
      ),
    );
    const r = restoreWindow(saved, [laptop], defaults).bounds;
    expect(r.width).toBe(800);
    expect(r.height).toBe(560);
  });
});
