import { describe, expect, it, vi } from 'vitest';
import type { CallResult, DesktopTransport } from '../../src-shared/api';
import { withEarlyCalls } from './earlyCalls';

function fakeTransport(answer: CallResult) {
  const call = vi.fn(() => Promise.resolve(answer));
  const transport: DesktopTransport = { call, onEvent: () => () => undefined };
  return { transport, call };
}

const early: CallResult = { ok: true, value: { theme: 'dark' } };
const late: CallResult = { ok: true, value: { theme: 'light' } };

describe('withEarlyCalls', () => {
  it('answers the matching call once from the early answer, then asks the core', async () => {
    const { transport: inner, call } = fakeTransport(late);
    const t = withEarlyCalls(inner, [
      { method: 'settings.get', input: {}, result: Promise.resolve(early) },
    ]);
    expect(await t.call('settings.get', {})).toEqual(early);
    expect(call).not.toHaveBeenCalled();
    expect(await t.call('settings.get', {})).toEqual(late);
    expect(call).toHaveBeenCalledTimes(1);
  });

  it('matches on method and input: another article goes to the core', async () => {
    const { transport: inner } = fakeTransport(late);
    const t = withEarlyCalls(inner, [
      { method: 'articles.get', input: { id: 'a' }, result: Promise.resolve(early) },
    ]);
    expect(await t.call('articles.get', { id: 'b' })).toEqual(late);
    expect(await t.call('articles.get', { id: 'a' })).toEqual(early);
  });

  it('falls back to the core when the early call failed', async () => {
    const { transport: inner, call } = fakeTransport(late);
    const t = withEarlyCalls(inner, [
      { method: 'settings.get', input: {}, result: Promise.resolve(null) },
    ]);
    expect(await t.call('settings.get', {})).toEqual(late);
    expect(call).toHaveBeenCalledWith('settings.get', {});
  });

  it('is the transport itself when nothing was asked early', () => {
    const { transport: inner } = fakeTransport(late);
    expect(withEarlyCalls(inner, undefined)).toBe(inner);
    expect(withEarlyCalls(inner, [])).toBe(inner);
  });
});
