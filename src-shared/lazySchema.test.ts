import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { lazySchema } from './lazySchema';
import { ARTICLE_FIELD_NAMES, Article, ArticleFields, IMAGE_META_KEYS, ImageMeta } from './model';
import { METHOD_NAMES, methodSchemas, parseInput, parseOutput } from './api';

describe('lazySchema', () => {
  it('builds the schema once, on first use, and then behaves as it', () => {
    let builds = 0;
    const Point = lazySchema(() => {
      builds++;
      return z.strictObject({ x: z.number(), y: z.number() });
    });
    expect(builds).toBe(0);
    expect(Point.parse({ x: 1, y: 2 })).toEqual({ x: 1, y: 2 });
    expect(Point.safeParse({ x: 1 }).success).toBe(false);
    expect(() => Point.parse({ x: 1, y: 2, z: 3 })).toThrow();
    expect(Object.keys(Point.shape)).toEqual(['x', 'y']);
    expect(Point instanceof z.ZodObject).toBe(true);
    expect(builds).toBe(1);
  });

  it('works inside other schemas and as the base of extend, pick and partial', () => {
    const Inner = lazySchema(() => z.string().min(2));
    const Outer = lazySchema(() => z.strictObject({ a: Inner, list: z.array(Inner) }));
    const Wider = lazySchema(() => Outer.extend({ b: z.boolean() }));
    expect(Outer.parse({ a: 'ab', list: ['cd'] })).toEqual({ a: 'ab', list: ['cd'] });
    expect(Outer.safeParse({ a: 'x', list: [] }).success).toBe(false);
    expect(Outer.safeParse({ a: 'ab', list: ['y'] }).success).toBe(false);
    expect(Wider.parse({ a: 'ab', list: [], b: true })).toEqual({ a: 'ab', list: [], b: true });
    expect(Wider.pick({ b: true }).parse({ b: false })).toEqual({ b: false });
    expect(Wider.partial().parse({})).toEqual({});
    const Union = lazySchema(() =>
      z.discriminatedUnion('kind', [
        lazySchema(() => z.strictObject({ kind: z.literal('a'), a: Inner })),
        lazySchema(() => z.strictObject({ kind: z.literal('b') })),
      ]),
    );
    expect(Union.parse({ kind: 'a', a: 'ok' })).toEqual({ kind: 'a', a: 'ok' });
    expect(Union.safeParse({ kind: 'a', a: 'x' }).success).toBe(false);
    expect(Union.safeParse({ kind: 'c' }).success).toBe(false);
  });

  it('reports the error of a bad value as the schema itself does', () => {
    const Eager = z.strictObject({ n: z.number().int() });
    const Lazy = lazySchema(() => z.strictObject({ n: z.number().int() }));
    expect(Lazy.safeParse({ n: 1.5 }).error?.issues).toEqual(
      Eager.safeParse({ n: 1.5 }).error?.issues,
    );
  });
});

describe('key lists written out beside their schemas', () => {
  it('ARTICLE_FIELD_NAMES is the keys of ArticleFields, in schema order', () => {
    expect(ARTICLE_FIELD_NAMES).toEqual(Object.keys(ArticleFields.shape));
  });
  it('IMAGE_META_KEYS is the keys of ImageMeta, in schema order', () => {
    expect(IMAGE_META_KEYS).toEqual(Object.keys(ImageMeta.shape));
  });
});

describe('the API table built per method', () => {
  it('has input and output schemas for every method, the same on each call', () => {
    for (const m of METHOD_NAMES) {
      const schemas = methodSchemas(m);
      expect(schemas.input).toBeInstanceOf(z.ZodType);
      expect(schemas.output).toBeInstanceOf(z.ZodType);
      expect(methodSchemas(m)).toBe(schemas);
    }
  });
  it('still refuses bad input and bad output', () => {
    expect(() => parseInput('articles.get', { id: 'not-a-uuid' })).toThrow(/must be a UUID/);
    expect(() => parseOutput('articles.get', { id: 'x' })).toThrow(/Invalid output/);
    expect(Article.safeParse({}).success).toBe(false);
  });
});
