import { afterEach, describe, expect, it } from 'vitest';
import { followWindowWidth, useUi } from './ui';

/** A media query whose `matches` the test sets, firing "change" like the browser's. */
class FakeMedia extends EventTarget {
  matches = false;
  set(matches: boolean) {
    this.matches = matches;
    this.dispatchEvent(new Event('change'));
  }
}

describe('details panel and window width', () => {
  let stop = () => {};
  afterEach(() => {
    stop();
    useUi.getState().setDetailsOpen(true);
  });

  it('closes the open details when the window gets narrow and opens them when it is wide again', () => {
    const media = new FakeMedia();
    stop = followWindowWidth(media);
    useUi.getState().setDetailsOpen(true);
    media.set(true);
    expect(useUi.getState().detailsOpen).toBe(false);
    media.set(false);
    expect(useUi.getState().detailsOpen).toBe(true);
  });

  it('leaves closed details closed, and the user may open them while narrow', () => {
    const media = new FakeMedia();
    stop = followWindowWidth(media);
    useUi.getState().setDetailsOpen(false);
    media.set(true);
    media.set(false);
    expect(useUi.getState().detailsOpen).toBe(false);

    media.set(true);
    useUi.getState().setDetailsOpen(true); // opened by hand in the narrow window
    media.set(false);
    expect(useUi.getState().detailsOpen).toBe(true);
  });

  it('stops following once stopped', () => {
    const media = new FakeMedia();
    followWindowWidth(media)();
    useUi.getState().setDetailsOpen(true);
    media.set(true);
    expect(useUi.getState().detailsOpen).toBe(true);
  });
});
