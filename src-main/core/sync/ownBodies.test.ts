/**
 * The desk's own consecutive body saves (ownBodies.ts): which body save the pusher holds back,
 * which saves a pull acknowledges, and how a held save moves onto the acknowledged state. The
 * same with the real backend: tests/sync/own-body-saves.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { BodyJson } from '../../../src-shared/model';
import { body, paragraph, text } from '../../../src-shared/richtext/builders';
import type { OutboxEntry } from '../store/outbox';
import {
  acknowledgedBodies,
  moveOntoAcknowledged,
  noteSentBody,
  waitsForOwnBody,
  type SentBodies,
} from './ownBodies';

const doc = (...blocks: [string, string][]): BodyJson =>
  body(...blocks.map(([id, t]) => paragraph([text(t)], id))) as BodyJson;

function row(
  mutationId: number,
  entityId: string,
  baseBodyVersion: number,
  b: BodyJson,
  state: OutboxEntry['state'] = 'pending',
): OutboxEntry {
  return {
    mutationId,
    name: 'article.setBody',
    args: { id: entityId, baseBodyVersion, body: b },
    entityType: 'article',
    entityId,
    baseVersion: baseBodyVersion,
    state,
    attempts: 0,
    createdAt: '2026-12-03T10:00:00.000Z',
    origin: 'user',
  };
}

/** An outbox of the given rows that records rewrites. */
function outboxOf(rows: OutboxEntry[]) {
  const rewrites: { mutationId: number; args: unknown }[] = [];
  return {
    rewrites,
    bodiesThrough: (id: number) =>
      rows.filter((r) => r.mutationId <= id) as (OutboxEntry & { name: 'article.setBody' })[],
    forEntity: (_type: string, id: string) => rows.filter((r) => r.entityId === id),
    rewritePending: (mutationId: number, _name: string, args: unknown) => {
      rewrites.push({ mutationId, args });
      return true;
    },
  };
}

const B0 = doc(['b1', 'Eins'], ['b2', 'Zwei']);
const B1 = doc(['b1', 'Eins x'], ['b2', 'Zwei']);
const B2 = doc(['b1', 'Eins xx'], ['b2', 'Zwei']);

describe('the pusher holds back', () => {
  it('a body save on the same base as an unacknowledged body save of the same article', () => {
    const sent: SentBodies = new Map();
    noteSentBody(row(1, 'a', 7, B1, 'inflight'), sent);
    expect(waitsForOwnBody(row(2, 'a', 7, B2), sent)).toBe(true);
    // Another base (already moved onto the acknowledged state), another article: they go out.
    expect(waitsForOwnBody(row(2, 'a', 9, B2), sent)).toBe(false);
    expect(waitsForOwnBody(row(3, 'b', 7, B2), sent)).toBe(false);
    // The save itself, sent again after a mutation gap, is not held back by itself.
    expect(waitsForOwnBody(row(1, 'a', 7, B1, 'inflight'), sent)).toBe(false);
    // Only body saves are noted and held.
    const fields = { ...row(4, 'a', 7, B2), name: 'article.setFields' } as OutboxEntry;
    expect(waitsForOwnBody(fields, sent)).toBe(false);
    const none: SentBodies = new Map();
    noteSentBody(fields, none);
    expect(none.size).toBe(0);
  });
});

describe('acknowledgedBodies', () => {
  it('names the last acknowledged body save per article, without rejected ones', () => {
    const outbox = outboxOf([
      row(1, 'a', 3, B1),
      row(2, 'b', 5, B1),
      row(3, 'a', 3, B2),
      row(4, 'b', 5, B2),
      row(5, 'c', 1, B2),
    ]);
    const acked = acknowledgedBodies(outbox, 4, new Set([4]));
    expect([...acked.keys()].sort()).toEqual(['a']);
    expect(acked.get('a')).toEqual({ baseBodyVersion: 3, body: B2 });
  });
});

describe('moveOntoAcknowledged', () => {
  const acked = { baseBodyVersion: 3, body: B1 };

  it('moves a save written on top of the acknowledged one onto its version, body as written', () => {
    const outbox = outboxOf([row(2, 'a', 3, B2)]);
    // The server's copy of the desk's body, with Lexical's defaults written out: same content.
    const serverB1 = JSON.parse(JSON.stringify(B1)) as BodyJson;
    (serverB1.root.children[1] as Record<string, unknown>).indent = 0;
    moveOntoAcknowledged(outbox, acked, { id: 'a', bodyVersion: 8, body: serverB1 });
    expect(outbox.rewrites).toEqual([
      { mutationId: 2, args: { id: 'a', baseBodyVersion: 8, body: B2 } },
    ]);
  });

  it('merges in what someone else changed, against the body the desk sent', () => {
    const outbox = outboxOf([row(2, 'a', 3, B2)]);
    const server = doc(['b1', 'Eins x'], ['b2', 'Zwei von B']);
    moveOntoAcknowledged(outbox, acked, { id: 'a', bodyVersion: 9, body: server });
    expect(outbox.rewrites).toEqual([
      {
        mutationId: 2,
        args: { id: 'a', baseBodyVersion: 9, body: doc(['b1', 'Eins xx'], ['b2', 'Zwei von B']) },
      },
    ]);
  });

  it('leaves a save alone that would conflict, is in flight, or has another base', () => {
    const conflicting = outboxOf([row(2, 'a', 3, B2)]);
    const other = doc(['b1', 'Eins von B'], ['b2', 'Zwei']);
    moveOntoAcknowledged(conflicting, acked, { id: 'a', bodyVersion: 9, body: other });
    expect(conflicting.rewrites).toEqual([]);

    const rest = outboxOf([row(2, 'a', 3, B2, 'inflight'), row(3, 'a', 5, B2)]);
    moveOntoAcknowledged(rest, acked, { id: 'a', bodyVersion: 8, body: B1 });
    expect(rest.rewrites).toEqual([]);
  });

  it('changes nothing when the server did not move the body (the save was a no-op there)', () => {
    const outbox = outboxOf([row(2, 'a', 3, B2)]);
    moveOntoAcknowledged(outbox, acked, { id: 'a', bodyVersion: 3, body: B0 });
    expect(outbox.rewrites).toEqual([]);
  });
});
