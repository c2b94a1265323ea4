import { z } from 'zod';
import { lazySchema } from '../lazySchema';

/** Ids are UUIDs (v7, made where the entity is created). */
export const Id = lazySchema(() => z.uuid({ message: 'must be a UUID' }));
export type Id = z.infer<typeof Id>;

/** ISO-8601 timestamp with offset, e.g. 2026-11-26T18:10:53.123Z. */
export const Timestamp = lazySchema(() =>
  z.iso.datetime({ offset: true, message: 'must be an ISO-8601 time' }),
);
export type Timestamp = z.infer<typeof Timestamp>;

export const Slug = lazySchema(() =>
  z
    .string()
    .min(1)
    .max(200)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase letters, digits and dashes'),
);

/** Longest slug made (well under the 100 characters some web servers allow per path segment). */
export const MAX_SLUG_LENGTH = 80;

/** A slug cut to MAX_SLUG_LENGTH, at a dash where there is one, without a trailing dash. */
export function capSlug(slug: string): string {
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const cut = slug.slice(0, MAX_SLUG_LENGTH + 1);
  const dash = cut.lastIndexOf('-');
  return (dash > MAX_SLUG_LENGTH / 2 ? cut.slice(0, dash) : cut.slice(0, MAX_SLUG_LENGTH)).replace(
    /-+$/,
    '',
  );
}

/** Makes a URL slug from a German title: umlauts transliterated, everything else dashed. */
export function slugify(text: string): string {
  const map: Record<string, string> = {
    ä: 'ae',
    ö: 'oe',
    ü: 'ue',
    ß: 'ss',
    Ä: 'ae',
    Ö: 'oe',
    Ü: 'ue',
  };
  const slug = text
    .replace(/[äöüßÄÖÜ]/g, (c) => map[c] ?? c)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return capSlug(slug);
}
