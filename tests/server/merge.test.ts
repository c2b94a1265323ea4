import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  mergeBodies,
  mergeFields,
  mergeSet,
  keyBlocks,
  type BodyLike,
  type Block,
} from '../../src-shared/merge';

// ---- generators ---------------------------------------------------------------------------------

const block = (id: string, text: string): Block => ({
  type: 'paragraph',
  $: { blockId: id },
  children: [{ type: 'text', text }],
});
const bodyOf = (blocks: Block[]): BodyLike => ({
  root: { type: 'root', direction: null, children: blocks },
});
const textOf = (b: Block): string =>
  ((b.children as { text: string }[])[0] as { text: string }).text;

const ID_POOL = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
const baseArb = fc
  .uniqueArray(fc.constantFrom(...ID_POOL), { maxLength: 6 })
  .chain((ids) =>
    fc.tuple(
      fc.constant(ids),
      fc.array(fc.string({ maxLength: 4 }), { minLength: ids.length, maxLength: ids.length }),
    ),
  )
  .map(([ids, texts]) => ids.map((id, i) => block(id, texts[i] as string)));

type Op = { kind: 'edit' | 'delete' | 'insert' | 'move'; at: number; text: string; id: string };
const opArb: fc.Arbitrary<Op> = fc.record({
  kind: fc.constantFrom('edit', 'delete', 'insert', 'move'),
  at: fc.nat(10),
  text: fc.string({ maxLength: 4 }),
  id: fc.constantFrom('n1', 'n2', 'n3', 'n4'),
});

/** Applies random edits: edited blocks keep their id; inserted blocks get fresh ids with a side prefix. */
function edit(blocks: Block[], ops: Op[], side: string): Block[] {
  const out = [...blocks];
  for (const op of ops) {
    const i = out.length === 0 ? 0 : op.at % out.length;
    if (op.kind === 'edit' && out[i])
      out[i] = { ...out[i], children: [{ type: 'text', text: `${side}:${op.text}` }] };
    else if (op.kind === 'delete' && out[i]) out.splice(i, 1);
    else if (op.kind === 'insert') {
      const id = `${side}-${op.id}`;
      if (!out.some((b) => (b.$ as { blockId: string }).blockId === id))
        out.splice(i, 0, block(id, op.text));
    } else if (op.kind === 'move' && out.length > 1) {
      const [b] = out.splice(i, 1);
      out.splice((i + 1) % (out.length + 1), 0, b as Block);
    }
  }
  return out;
}

const scenario = baseArb.chain((base) =>
  fc
    .tuple(fc.constant(base), fc.array(opArb, { maxLength: 5 }), fc.array(opArb, { maxLength: 5 }))
    .map(([b, mo, to]) => ({
      base: b,
      mine: edit(b, mo, 'm'),
      theirs: edit(b, to, 't'),
    })),
);

const ids = (blocks: readonly Block[]) => blocks.map((b) => (b.$ as { blockId: string }).blockId);

describe('mergeBodies (block three-way merge) — properties', () => {
  it('merging with an unchanged side returns the other side', () => {
    fc.assert(
      fc.property(scenario, ({ base, theirs, mine }) => {
        const r1 = mergeBodies(bodyOf(base), bodyOf(base), bodyOf(theirs));
        expect(r1.conflicts).toEqual([]);
        expect(r1.body).toEqual(bodyOf(theirs));
        const r2 = mergeBodies(bodyOf(base), bodyOf(mine), bodyOf(base));
        expect(r2.conflicts).toEqual([]);
        expect(r2.body.root.children).toEqual(mine);
      }),
      { numRuns: 300 },
    );
  });

  it('merge(base, x, x) = x', () => {
    fc.assert(
      fc.property(scenario, ({ base, mine }) => {
        const r = mergeBodies(bodyOf(base), bodyOf(mine), bodyOf(mine));
        expect(r.clean).toBe(true);
        expect(r.body.root.children).toEqual(mine);
      }),
      { numRuns: 300 },
    );
  });

  it('no changed or inserted block of either side disappears without a conflict record', () => {
    fc.assert(
      fc.property(scenario, ({ base, mine, theirs }) => {
        const r = mergeBodies(bodyOf(base), bodyOf(mine), bodyOf(theirs));
        const merged = r.body.root.children as Block[];
        const baseById = new Map(base.map((b) => [ids([b])[0], JSON.stringify(b)]));
        const inMerged = new Set(merged.map((b) => JSON.stringify(b)));
        const inConflicts = new Set(
          r.conflicts.flatMap((c) => [...c.mine, ...c.theirs]).map((b) => JSON.stringify(b)),
        );
        for (const side of [mine, theirs]) {
          for (const b of side) {
            const id = ids([b])[0];
            const changedOrNew = baseById.get(id) !== JSON.stringify(b);
            if (!changedOrNew) continue;
            const s = JSON.stringify(b);
            expect(inMerged.has(s) || inConflicts.has(s), `block ${id} (${textOf(b)}) lost`).toBe(
              true,
            );
          }
        }
        // and the merged body never holds a block id twice
        expect(new Set(ids(merged)).size).toBe(merged.length);
      }),
      { numRuns: 500 },
    );
  });

  it('is deterministic and keeps only blocks that exist in some input', () => {
    fc.assert(
      fc.property(scenario, ({ base, mine, theirs }) => {
        const a = mergeBodies(bodyOf(base), bodyOf(mine), bodyOf(theirs));
        const b = mergeBodies(bodyOf(base), bodyOf(mine), bodyOf(theirs));
        expect(a).toEqual(b);
        const all = new Set([...base, ...mine, ...theirs].map((x) => JSON.stringify(x)));
        for (const x of a.body.root.children) expect(all.has(JSON.stringify(x))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('mergeBodies — cases', () => {
  const base = [block('a', 'one'), block('b', 'two'), block('c', 'three')];

  it('takes edits of different blocks from both sides', () => {
    const mine = [block('a', 'ONE'), base[1] as Block, base[2] as Block];
    const theirs = [base[0] as Block, base[1] as Block, block('c', 'THREE')];
    const r = mergeBodies(bodyOf(base), bodyOf(mine), bodyOf(theirs));
    expect(r.clean).toBe(true);
    expect((r.body.root.children as Block[]).map(textOf)).toEqual(['ONE', 'two', 'THREE']);
  });

  it('the same block changed differently on both sides is a conflict keeping both versions', () => {
    const mine = [base[0] as Block, block('b', 'mine'), base[2] as Block];
    const theirs = [base[0] as Block, block('b', 'theirs'), base[2] as Block];
    const r = mergeBodies(bodyOf(base), bodyOf(mine), bodyOf(theirs));
    expect(r.clean).toBe(false);
    expect(r.conflicts).toHaveLength(1);
    const c = r.conflicts[0]!;
    expect(c.kind).toBe('both_changed');
    expect(c.mine.map(textOf)).toEqual(['mine']);
    expect(c.theirs.map(textOf)).toEqual(['theirs']);
    expect(c.base.map(textOf)).toEqual(['two']);
    expect((r.body.root.children as Block[]).map(textOf)).toEqual(['one', 'theirs', 'three']);
  });

  it('delete vs edit keeps the edit and records a conflict', () => {
    const mine = [base[0] as Block, block('b', 'edited'), base[2] as Block];
    const theirs = [base[0] as Block, base[2] as Block];
    const r = mergeBodies(bodyOf(base), bodyOf(mine), bodyOf(theirs));
    expect((r.body.root.children as Block[]).map(textOf)).toEqual(['one', 'edited', 'three']);
    expect(r.conflicts.map((c) => [c.kind, c.kept])).toEqual([['delete_edit', 'mine']]);
  });

  it('blocks without ids are aligned by content', () => {
    const plain = (t: string) => ({ type: 'paragraph', children: [{ type: 'text', text: t }] });
    const r = mergeBodies(
      bodyOf([plain('x'), plain('y')]),
      bodyOf([plain('x'), plain('y'), plain('m')]),
      bodyOf([plain('t'), plain('x'), plain('y')]),
    );
    expect(r.clean).toBe(true);
    expect((r.body.root.children as Block[]).map(textOf)).toEqual(['t', 'x', 'y', 'm']);
  });

  it('bounded work: too many blocks fall back to one whole-body conflict', () => {
    const big = Array.from({ length: 50 }, (_, i) => block(`k${i}`, String(i)));
    const r = mergeBodies(bodyOf(big), bodyOf(big.slice(1)), bodyOf(big.slice(2)), {
      maxBlocks: 100,
    });
    expect(r.fallback).toBe(true);
    expect(r.conflicts).toHaveLength(1);
    expect(r.conflicts[0]!.kind).toBe('whole_body');
    expect(r.conflicts[0]!.mine).toHaveLength(49);
    expect(r.body.root.children).toHaveLength(48);
  });

  it('duplicate ids in one body get distinct keys', () => {
    expect(keyBlocks([block('a', '1'), block('a', '2')]).keys).toEqual(['a', 'a#1']);
  });
});

describe('mergeFields (docs/sync.md)', () => {
  const policy = { headline: 'editorial', tags: 'set', priority: 'lastWins' } as const;
  type F = { headline: string; tags: string[]; priority: number };
  const current: F = { headline: 'server', tags: ['a', 'b'], priority: 1 };

  it('applies a field nobody else touched since the base version', () => {
    const r = mergeFields<F>({
      current,
      fieldVersions: { headline: 5 },
      baseVersion: 5,
      values: { headline: 'mine' },
      baseValues: { headline: 'server' },
      policy,
    });
    expect(r).toEqual({ patch: { headline: 'mine' }, conflicts: [] });
  });

  it('keeps the server value and returns a conflict when both changed an editorial field', () => {
    const r = mergeFields<F>({
      current,
      fieldVersions: { headline: 9 },
      baseVersion: 5,
      values: { headline: 'mine' },
      baseValues: { headline: 'base' },
      policy,
    });
    expect(r.patch).toEqual({});
    expect(r.conflicts).toEqual([
      { field: 'headline', base: 'base', theirs: 'server', mine: 'mine' },
    ]);
  });

  it('same edit on both sides is a no-op; A→B→A on the server applies', () => {
    expect(
      mergeFields<F>({
        current,
        fieldVersions: { headline: 9 },
        baseVersion: 5,
        values: { headline: 'server' },
        baseValues: { headline: 'base' },
        policy,
      }),
    ).toEqual({ patch: {}, conflicts: [] });
    expect(
      mergeFields<F>({
        current,
        fieldVersions: { headline: 9 },
        baseVersion: 5,
        values: { headline: 'mine' },
        baseValues: { headline: 'server' },
        policy,
      }).patch,
    ).toEqual({ headline: 'mine' });
  });

  it('merges sets as add/remove and lets lastWins scalars through', () => {
    const r = mergeFields<F>({
      current,
      fieldVersions: { tags: 9, priority: 9 },
      baseVersion: 5,
      values: { tags: ['a', 'c'], priority: 3 },
      baseValues: { tags: ['a', 'b', 'x'], priority: 0 },
      policy,
    });
    // mine removed b and x, added c; server has a, b → a, c
    expect(r.patch).toEqual({ tags: ['a', 'c'], priority: 3 });
    expect(r.conflicts).toEqual([]);
  });

  it('property: an unchanged side returns the other; set merge keeps every add of both sides', () => {
    const tagArb = fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { maxLength: 5 });
    fc.assert(
      fc.property(tagArb, tagArb, tagArb, (base, mine, theirs) => {
        expect(mergeSet(base, theirs, base)).toEqual(theirs);
        expect(new Set(mergeSet(base, base, mine))).toEqual(new Set(mine));
        const merged = new Set(mergeSet(base, theirs, mine));
        for (const t of mine) if (!base.includes(t)) expect(merged.has(t)).toBe(true);
        for (const t of theirs)
          if (!base.includes(t) && mine.includes(t)) expect(merged.has(t)).toBe(true);
        for (const t of base) if (!mine.includes(t)) expect(merged.has(t)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
