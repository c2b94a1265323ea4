/**
 * The public site: front page, section pages, article pages (+ print view), Atom feed, the
 * stylesheet (published images: routes/media.ts). HTML pages are sent with a CSP without 'unsafe-inline'.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { parseOr400 } from '../http/errors';
import type { AppContext } from '../http/context';
import { SITE_CSS } from '../publish/css';
import { atomFeed, type FeedInfo } from '../publish/feed';
import { snapshotImageRenditions, snapshotImageSource } from '../publish/images';
import {
  articlePage,
  listPage,
  messagePage,
  type PageChrome,
} from '../../src-shared/publish/pages';
import { SlugParams } from './published';
import type { PublishedSnapshot } from '../storage/types';
import {
  NEWS_SITEMAP_MAX_AGE_MS,
  NEWS_SITEMAP_MAX_URLS,
  SITEMAP_MAX_URLS,
  newsSitemapXml,
  robotsTxt,
  sitemapXml,
} from '../publish/sitemap';

const PAGE_SIZE = 20;
const RELATED = 5;
export const SITE_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

// Public pages and feeds ignore query parameters they do not know (utm_source, fbclid, gclid…:
// links from newsletters and social media must never break); the ones they know are checked.
const PageQuery = z.object({
  page: z
    .string()
    .regex(/^[1-9]\d{0,5}$/, 'must be a page number')
    .transform(Number)
    .default(1),
});
const ArticleQuery = z.object({ print: z.enum(['1']).optional() });

const sectionPath = (slug: string) => `/sections/${encodeURIComponent(slug)}`;
const sectionFeed = (s: { slug: string; name: string }) => ({
  title: `Copydesk – ${s.name}`,
  href: `${sectionPath(s.slug)}/feed.xml`,
});

function html(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-security-policy', SITE_CSP)
    .header('cache-control', 'public, max-age=60')
    .send(body);
}

export function siteRoutes(app: FastifyInstance, ctx: AppContext): void {
  const view = ctx.view;
  const chrome = async (): Promise<PageChrome> => ({
    sections: await ctx.storage.read((tx) => tx.listSections()),
    baseUrl: ctx.publicUrl(),
  });

  app.get('/static/site.css', (_req, reply) =>
    reply
      .header('content-type', 'text/css; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(SITE_CSS),
  );

  app.get('/', async (req, reply) => {
    const { page } = parseOr400(PageQuery, req.query, 'query');
    const { rows, total } = await ctx.storage.read((tx) =>
      tx.listPublished({ offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }),
    );
    return html(
      reply,
      200,
      listPage(
        'Copydesk – Nachrichten',
        'Aktuelle Meldungen',
        rows.map((r) => view.teaser(r)),
        await chrome(),
        {
          page,
          hasNext: page * PAGE_SIZE < total,
          path: '/',
        },
      ),
    );
  });

  app.get('/sections/:slug', async (req, reply) => {
    const { slug } = parseOr400(SlugParams, req.params, 'section');
    const { page } = parseOr400(PageQuery, req.query, 'query');
    const c = await chrome();
    const section = c.sections.find((s) => s.slug === slug);
    if (!section)
      return html(reply, 404, messagePage('Nicht gefunden', 'Diesen Bereich gibt es nicht.', c));
    const { rows, total } = await ctx.storage.read((tx) =>
      tx.listPublished({
        sectionSlug: section.slug,
        offset: (page - 1) * PAGE_SIZE,
        limit: PAGE_SIZE,
      }),
    );
    return html(
      reply,
      200,
      listPage(
        `${section.name} – Copydesk`,
        `Bereich ${section.name}`,
        rows.map((r) => view.teaser(r)),
        c,
        {
          page,
          hasNext: page * PAGE_SIZE < total,
          path: sectionPath(section.slug),
        },
        sectionFeed(section),
      ),
    );
  });

  const articleHandler =
    (forcePrint: boolean) =>
    async (req: { params: unknown; query: unknown }, reply: FastifyReply) => {
      const { slug } = parseOr400(SlugParams, req.params, 'slug');
      const { print } = parseOr400(ArticleQuery, req.query, 'query');
      const c = await chrome();
      const found = await ctx.storage.read(async (tx) => {
        const row = await tx.getPublishedBySlug(slug);
        if (!row) {
          const renamedTo = await tx.getSlugRedirect(slug);
          const current = renamedTo ? await tx.getPublishedByArticle(renamedTo) : undefined;
          return { row, related: [], movedTo: current?.slug };
        }
        if (row.state !== 'live' || !row.snapshot.sectionSlug) return { row, related: [] };
        const { rows } = await tx.listPublished({
          sectionSlug: row.snapshot.sectionSlug,
          offset: 0,
          limit: RELATED + 1,
        });
        return {
          row,
          related: rows.filter((r) => r.articleId !== row.articleId).slice(0, RELATED),
        };
      });
      if (!found.row && found.movedTo !== undefined) {
        const path = `/articles/${encodeURIComponent(found.movedTo)}`;
        return reply.redirect(forcePrint || print === '1' ? `${path}/print` : path, 301);
      }
      if (!found.row)
        return html(reply, 404, messagePage('Nicht gefunden', 'Diesen Artikel gibt es nicht.', c));
      if (found.row.state === 'gone') {
        return html(
          reply,
          410,
          messagePage('Nicht mehr verfügbar', 'Dieser Artikel wurde zurückgezogen.', c),
        );
      }
      const s = found.row.snapshot;
      return html(
        reply,
        200,
        articlePage(
          s,
          view.bodyHtml(s),
          found.related.map((r) => view.teaser(r)),
          {
            ...c,
            mediaUrl: (id) => snapshotImageSource('', s, id),
            imageRenditions: (id) => snapshotImageRenditions(ctx.publicUrl(), s, id),
          },
          forcePrint || print === '1',
        ),
      );
    };
  app.get('/articles/:slug', articleHandler(false));
  app.get('/articles/:slug/print', articleHandler(true));

  const feed = async (
    reply: FastifyReply,
    info: Omit<FeedInfo, 'baseUrl' | 'now'>,
    sectionSlug?: string,
  ) => {
    const { rows } = await ctx.storage.read((tx) =>
      tx.listPublished({ ...(sectionSlug ? { sectionSlug } : {}), offset: 0, limit: PAGE_SIZE }),
    );
    const xml = atomFeed(
      rows.map((r) => ({ snapshot: r.snapshot, bodyHtml: view.bodyHtml(r.snapshot) })),
      { ...info, baseUrl: ctx.publicUrl(), now: new Date().toISOString() },
    );
    return reply
      .header('content-type', 'application/atom+xml; charset=utf-8')
      .header('cache-control', 'public, max-age=60')
      .send(xml);
  };

  const xml = (reply: FastifyReply, body: string) =>
    reply
      .header('content-type', 'application/xml; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .send(body);

  app.get('/robots.txt', (_req, reply) =>
    reply
      .header('content-type', 'text/plain; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(robotsTxt(ctx.publicUrl())),
  );

  app.get('/sitemap.xml', async (_req, reply) => {
    const { sections, rows } = await ctx.storage.read(async (tx) => ({
      sections: await tx.listSections(),
      rows: (await tx.listPublished({ offset: 0, limit: SITEMAP_MAX_URLS })).rows,
    }));
    return xml(
      reply,
      sitemapXml(
        ctx.publicUrl(),
        sections,
        rows.map((r) => r.snapshot),
      ),
    );
  });

  app.get('/news-sitemap.xml', async (_req, reply) => {
    const since = new Date(Date.now() - NEWS_SITEMAP_MAX_AGE_MS).toISOString();
    // Newest first: page until an article is older than two days (or the sitemap is full).
    const recent = await ctx.storage.read(async (tx) => {
      const out: PublishedSnapshot[] = [];
      for (let offset = 0; out.length < NEWS_SITEMAP_MAX_URLS; offset += PAGE_SIZE) {
        const { rows } = await tx.listPublished({ offset, limit: PAGE_SIZE });
        const fresh = rows.filter((r) => r.snapshot.publishedAt >= since);
        out.push(...fresh.map((r) => r.snapshot));
        if (fresh.length < rows.length || rows.length < PAGE_SIZE) break;
      }
      return out;
    });
    return xml(reply, newsSitemapXml(ctx.publicUrl(), recent));
  });

  app.get('/feed.xml', (_req, reply) =>
    feed(reply, { path: '/feed.xml', pagePath: '/', title: 'Copydesk – alle Meldungen' }),
  );

  app.get('/sections/:slug/feed.xml', async (req, reply) => {
    const { slug } = parseOr400(SlugParams, req.params, 'section');
    const c = await chrome();
    const section = c.sections.find((s) => s.slug === slug);
    if (!section)
      return html(reply, 404, messagePage('Nicht gefunden', 'Diesen Bereich gibt es nicht.', c));
    const { title, href } = sectionFeed(section);
    return feed(reply, { path: href, pagePath: sectionPath(section.slug), title }, section.slug);
  });
}
