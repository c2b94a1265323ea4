/**
 * How committed changes travel between instances: the write transaction NOTIFYs the channel
 * before COMMIT, and PostgreSQL delivers the notification to every listener only if and when it
 * commits. A payload must stay under 8000 bytes; a batch too large for that is sent as the seq
 * range it covers, and the listener reads those rows from the change feed.
 */
import { z } from 'zod';
import type { BusMessage, CommittedChange } from '../../live/bus';

export const LIVE_CHANNEL = 'copydesk_live';
/** PostgreSQL's limit is 8000 bytes; keep a margin. */
export const MAX_PAYLOAD_BYTES = 7900;

const Change = z.object({
  seq: z.number().int(),
  entityType: z.string(),
  entityId: z.string(),
  scopeId: z.string().nullable(),
  clientId: z.string().nullable(),
  changedFields: z.array(z.string()).optional(),
});
const Presence = z.object({
  instanceId: z.string(),
  clientId: z.string(),
  userId: z.string(),
  username: z.string(),
  articleId: z.string().nullable(),
  expiresAt: z.number(),
});

/** What goes over the wire: a bus message, or a seq range standing for the changes in it. */
export const Payload = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('changes'), changes: z.array(Change) }),
  z.object({
    kind: z.literal('change-range'),
    afterSeq: z.number().int(),
    upToSeq: z.number().int(),
  }),
  z.object({ kind: z.literal('presence'), entries: z.array(Presence) }),
  z.object({
    kind: z.literal('presence-gone'),
    instanceId: z.string(),
    clientIds: z.array(z.string()),
  }),
]);
export type Payload = z.infer<typeof Payload>;

const fits = (text: string) => Buffer.byteLength(text) <= MAX_PAYLOAD_BYTES;

/** The payload for committed changes (seq order): the rows themselves, or their range. */
export function changesPayload(changes: CommittedChange[]): string {
  const full = JSON.stringify({ kind: 'changes', changes } satisfies Payload);
  if (fits(full)) return full;
  const first = (changes[0] as CommittedChange).seq;
  const last = (changes[changes.length - 1] as CommittedChange).seq;
  return JSON.stringify({
    kind: 'change-range',
    afterSeq: first - 1,
    upToSeq: last,
  } satisfies Payload);
}

/** Payloads for any other bus message, split so that each fits. */
export function messagePayloads(message: BusMessage): string[] {
  if (message.kind === 'changes') {
    return message.changes.length === 0 ? [] : [changesPayload(message.changes)];
  }
  const text = JSON.stringify(message);
  if (fits(text)) return [text];
  const items = message.kind === 'presence' ? message.entries : message.clientIds;
  if (items.length <= 1) throw new Error('a single presence entry exceeds the NOTIFY limit');
  const half = Math.ceil(items.length / 2);
  const parts: BusMessage[] =
    message.kind === 'presence'
      ? [
          { kind: 'presence', entries: message.entries.slice(0, half) },
          { kind: 'presence', entries: message.entries.slice(half) },
        ]
      : [
          { ...message, clientIds: message.clientIds.slice(0, half) },
          { ...message, clientIds: message.clientIds.slice(half) },
        ];
  return parts.flatMap(messagePayloads);
}
