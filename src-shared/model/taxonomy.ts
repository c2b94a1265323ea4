import { z } from 'zod';
import { Id, Slug, Timestamp } from './common';
import { lazySchema } from '../lazySchema';

export const Section = lazySchema(() =>
  z.strictObject({ slug: Slug, name: z.string().min(1).max(100) }),
);
export type Section = z.infer<typeof Section>;

export const DEFAULT_SECTIONS: readonly Section[] = [
  { slug: 'politik', name: 'Politik' },
  { slug: 'digitalisierung', name: 'Digitalisierung' },
  { slug: 'verwaltung', name: 'Verwaltung' },
  { slug: 'wirtschaft', name: 'Wirtschaft' },
];

export const Tag = lazySchema(() =>
  z.strictObject({ slug: z.string(), name: z.string(), count: z.number().int() }),
);
export type Tag = z.infer<typeof Tag>;

export const Revision = lazySchema(() =>
  z.strictObject({
    id: Id,
    articleId: Id,
    revision: z.number().int(),
    reason: z.string(),
    size: z.number().int(),
    createdAt: Timestamp,
    /** Username of who saved it; null when unknown (older revisions, saved while signed out). */
    author: z.string().nullable(),
  }),
);
export type Revision = z.infer<typeof Revision>;
