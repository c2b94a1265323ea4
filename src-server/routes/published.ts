/** Public JSON read API: GET /api/v1/published (section, tag, paging) and /api/v1/published/:slug. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { PublishedQuery } from '../../src-shared/protocol';
import { HttpError, parseOr400 } from '../http/errors';
import type { AppContext } from '../http/context';
import { resolveSection } from '../publish/snapshot';

export const SlugParams = z.strictObject({ slug: z.string().min(1).max(200) });

export function publishedRoutes(app: FastifyInstance, ctx: AppContext): void {
  const view = ctx.view;
  app.get('/api/v1/published', async (req) => {
    const q = parseOr400(PublishedQuery, req.query, 'query');
    return ctx.storage.read(async (tx) => {
      let sectionSlug: string | undefined;
      if (q.section !== undefined) {
        const section = resolveSection(await tx.listSections(), q.section);
        if (!section) throw new HttpError(404, 'not_found', `There is no section ${q.section}.`);
        sectionSlug = section.slug;
      }
      const { rows, total } = await tx.listPublished({
        offset: q.offset,
        limit: q.limit,
        ...(sectionSlug !== undefined ? { sectionSlug } : {}),
        ...(q.tag !== undefined ? { tag: q.tag } : {}),
      });
      return { items: rows.map((r) => view.summary(r)), total, offset: q.offset, limit: q.limit };
    });
  });

  app.get('/api/v1/published/:slug', async (req) => {
    const { slug } = parseOr400(SlugParams, req.params, 'slug');
    const row = await ctx.storage.read((tx) => tx.getPublishedBySlug(slug));
    if (!row) throw new HttpError(404, 'not_found', `There is no published article ${slug}.`);
    if (row.state === 'gone') throw new HttpError(410, 'gone', 'This article was unpublished.');
    return view.article(row);
  });
}
