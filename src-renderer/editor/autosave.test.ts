import { describe, expect, it } from 'vitest';
import { Autosaver, type SaveRequest, type SaveStatus } from './autosave';
import type { BodyJson } from '../../src-shared/model';

function saverWith(save: (r: SaveRequest) => Promise<void> = async () => undefined) {
  const statuses: SaveStatus[] = [];
  const saves: SaveRequest[] = [];
  const saver = new Autosaver({
    delayMs: 60_000, // only explicit flushes save in these tests
    retryMs: 60_000,
    save: async (r) => {
      saves.push(r);
      await save(r);
    },
    readBody: () => ({ root: { children: [] } }) as unknown as BodyJson,
    onStatus: (s) => statuses.push(s),
  });
  return { saver, statuses, saves };
}

describe('Autosaver status', () => {
  it('a flush with nothing pending stores nothing and announces no save', async () => {
    const { saver, statuses, saves } = saverWith();
    await saver.flush();
    await saver.flush();
    expect(saves).toEqual([]);
    expect(statuses).toEqual([]);
  });

  it('a flush after an edit stores it and announces saving, then saved, once', async () => {
    const { saver, statuses, saves } = saverWith();
    saver.setField('headline', 'Rathaus plant Radwege');
    await saver.flush();
    await saver.flush(); // nothing left: no second "saved"
    expect(saves).toEqual([{ fields: { headline: 'Rathaus plant Radwege' } }]);
    expect(statuses).toEqual(['saving', 'saved']);
  });

  it('an error stays on the line through an empty flush until a save succeeds', async () => {
    let fail = true;
    const { saver, statuses } = saverWith(async () => {
      if (fail) throw new Error('disk full');
    });
    saver.markBodyDirty();
    await expect(saver.flush()).rejects.toThrow('disk full');
    expect(statuses.at(-1)).toBe('error');
    fail = false;
    await saver.flush(); // the body went back to pending: this retries it
    expect(statuses.slice(-2)).toEqual(['saving', 'saved']);
    await saver.flush();
    expect(statuses.at(-1)).toBe('saved');
    expect(statuses.filter((s) => s === 'saved')).toHaveLength(1);
  });
});
