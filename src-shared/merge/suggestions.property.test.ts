/**
 * Issue #17: suggestions sync like any other change. Two desks start from the same body and
 * make random suggestions and edits (insert and delete suggestions, plain edits, accept/reject,
 * new and deleted paragraphs); the real three-way block merge then joins them. Every suggestion
 * that a desk still has (made there, or from the base and not resolved or deleted by either
 * desk) either survives in the merged body or is in a conflict region that shows it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkBodyEnvelope } from '../richtext/envelope';
import { listSuggestions, resolveSuggestions } from '../richtext/suggestions';
import { mergeBodies, type BodyConflictRegion, type BodyLike } from './body';

type Node = Record<string, unknown>;
type Body = BodyLike & { root: { type: 'root'; children: Node[] } };

const AT = '2026-12-03T04:00:00.000Z';
const plain = (text: string): Node => ({ type: 'text', text });
const sug = (text: string, kind: 'insert' | 'delete', author: string, id: string): Node => ({
  type: 'suggestion',
  text,
  kind,
  author,
  at: AT,
  id,
});
const para = (blockId: string, children: Node[]): Node => ({
  type: 'paragraph',
  $: { blockId },
  children,
});

/** The base: five paragraphs, one of them with a suggestion already open. */
function baseBody(): Body {
  return {
    root: {
      type: 'root',
      children: [
        para('p0', [plain('Der Rat tagte gestern.')]),
        para('p1', [plain('Die Stadt '), sug('plant', 'insert', 'anna', 'b1'), plain(' viel.')]),
        para('p2', [plain('Kein Kommentar.')]),
        para('p3', [plain('Am Montag geht es weiter.')]),
        para('p4', []),
      ],
    },
  };
}

type Op =
  | { op: 'suggestInsert'; at: number; text: string; author: string }
  | { op: 'suggestDelete'; at: number; author: string }
  | { op: 'edit'; at: number; text: string }
  | { op: 'resolve'; pick: number; action: 'accept' | 'reject' }
  | { op: 'addParagraph'; at: number; text: string; suggested: boolean }
  | { op: 'deleteParagraph'; at: number };

const word = fc.constantFrom('neu', 'alt', 'Rat', 'heute', 'nicht', 'ß', '„Zitat“');
const author = fc.constantFrom('anna', 'chef', 'bernd');
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('suggestInsert'), at: fc.nat(20), text: word, author }),
  fc.record({ op: fc.constant('suggestDelete'), at: fc.nat(20), author }),
  fc.record({ op: fc.constant('edit'), at: fc.nat(20), text: word }),
  fc.record({
    op: fc.constant('resolve'),
    pick: fc.nat(20),
    action: fc.constantFrom('accept', 'reject'),
  }),
  fc.record({
    op: fc.constant('addParagraph'),
    at: fc.nat(20),
    text: word,
    suggested: fc.boolean(),
  }),
  fc.record({ op: fc.constant('deleteParagraph'), at: fc.nat(20) }),
);

/** One desk: its body, the suggestions it made, and the ones it removed on purpose. */
interface Desk {
  name: string;
  body: Body;
  made: Set<string>;
  removed: Set<string>;
  next: number;
}

const idsIn = (nodes: readonly unknown[]): string[] =>
  listSuggestions({ root: { children: nodes } }).map((s) => s.id);

function apply(desk: Desk, op: Op): void {
  const blocks = desk.body.root.children;
  const newId = () => `${desk.name}-${desk.next++}`;
  const blockAt = (at: number) => (blocks.length ? (blocks[at % blocks.length] as Node) : null);
  const withChildren = (block: Node, children: Node[]) => {
    blocks[blocks.indexOf(block)] = { ...block, children };
  };
  switch (op.op) {
    case 'suggestInsert': {
      const block = blockAt(op.at);
      if (!block) return;
      const children = [...(block.children as Node[])];
      const id = newId();
      children.splice(op.at % (children.length + 1), 0, sug(op.text, 'insert', op.author, id));
      withChildren(block, children);
      desk.made.add(id);
      return;
    }
    case 'suggestDelete': {
      // Marks a plain text node of the paragraph as suggested for deletion.
      const block = blockAt(op.at);
      if (!block) return;
      const children = [...(block.children as Node[])];
      const i = children.findIndex((c) => c.type === 'text');
      if (i < 0) return;
      const id = newId();
      children[i] = sug(String(children[i]!.text), 'delete', op.author, id);
      withChildren(block, children);
      desk.made.add(id);
      return;
    }
    case 'edit': {
      const block = blockAt(op.at);
      if (!block) return;
      withChildren(block, [...(block.children as Node[]), plain(` ${op.text}`)]);
      return;
    }
    case 'resolve': {
      const open = listSuggestions(desk.body);
      const target = open[op.pick % Math.max(1, open.length)];
      if (!target) return;
      desk.body = resolveSuggestions(desk.body, { ids: [target.id] }, op.action);
      desk.removed.add(target.id);
      return;
    }
    case 'addParagraph': {
      const id = newId();
      const child = op.suggested ? sug(op.text, 'insert', 'chef', id) : plain(op.text);
      if (op.suggested) desk.made.add(id);
      blocks.splice(op.at % (blocks.length + 1), 0, para(`${desk.name}-p${desk.next++}`, [child]));
      return;
    }
    case 'deleteParagraph': {
      const block = blockAt(op.at);
      if (!block) return;
      for (const id of idsIn([block])) desk.removed.add(id);
      blocks.splice(blocks.indexOf(block), 1);
      return;
    }
  }
}

function desk(name: string, ops: readonly Op[]): Desk {
  const d: Desk = { name, body: baseBody(), made: new Set(), removed: new Set(), next: 0 };
  for (const op of ops) apply(d, op);
  return d;
}

/** Suggestions a conflict region shows (either side's version). */
function inConflicts(conflicts: readonly BodyConflictRegion[]): Set<string> {
  return new Set(conflicts.flatMap((c) => [...idsIn(c.mine), ...idsIn(c.theirs)]));
}

describe('suggestions through the three-way block merge', () => {
  it('every suggestion either survives the merge or appears in a conflict, never lost', () => {
    const baseIds = idsIn(baseBody().root.children);
    fc.assert(
      fc.property(
        fc.array(opArb, { maxLength: 8 }),
        fc.array(opArb, { maxLength: 8 }),
        (chiefOps, authorOps) => {
          const chief = desk('chief', chiefOps);
          const author = desk('author', authorOps);
          const expected = new Set([
            ...[...chief.made].filter((id) => !chief.removed.has(id)),
            ...[...author.made].filter((id) => !author.removed.has(id)),
            ...baseIds.filter((id) => !chief.removed.has(id) && !author.removed.has(id)),
          ]);
          // Both directions: the chief's push onto the author's body and the other way round.
          for (const [mine, theirs] of [
            [chief, author],
            [author, chief],
          ] as const) {
            const merged = mergeBodies(baseBody(), mine.body, theirs.body);
            expect(() => checkBodyEnvelope(merged.body)).not.toThrow();
            const survived = new Set(idsIn(merged.body.root.children));
            const shown = inConflicts(merged.conflicts);
            const lost = [...expected].filter((id) => !survived.has(id) && !shown.has(id));
            expect(lost).toEqual([]);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('keeps a suggestion made offline on one desk intact when the other desk edited elsewhere', () => {
    const chief = desk('chief', [{ op: 'suggestInsert', at: 2, text: 'neu', author: 'chef' }]);
    const author = desk('author', [{ op: 'edit', at: 0, text: 'heute' }]);
    const merged = mergeBodies(baseBody(), author.body, chief.body);
    expect(merged.clean).toBe(true);
    expect(merged.body.root.children[2]).toEqual(chief.body.root.children[2]);
    expect(listSuggestions(merged.body).map((s) => s.id)).toEqual(['b1', 'chief-0']);
  });

  it('shows both versions when both desks changed the same paragraph', () => {
    const chief = desk('chief', [{ op: 'suggestDelete', at: 2, author: 'chef' }]);
    const author = desk('author', [{ op: 'edit', at: 2, text: 'nicht' }]);
    const merged = mergeBodies(baseBody(), author.body, chief.body);
    expect(merged.conflicts).toHaveLength(1);
    expect(merged.conflicts[0]).toMatchObject({ kind: 'both_changed', blockIds: ['p2'] });
    expect(idsIn(merged.conflicts[0]!.theirs)).toEqual(['chief-0']);
    expect(merged.conflicts[0]!.mine).toEqual([author.body.root.children[2]]);
  });
});
