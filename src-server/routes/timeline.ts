/**
 * GET /api/v1/articles/:id/timeline: the article's workflow transitions (audit events) and review
 * comments, oldest first, with user names and server times. Read rule as for the article itself;
 * review comments and transition notes only for those who may read comments (mayReadComments).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ARTICLE_STATUSES, Id, type ArticleStatus } from '../../src-shared/model';
import { sortTimeline, type TimelineEntry, type TimelineResponse } from '../../src-shared/timeline';
import { mayReadArticle, mayReadComments } from '../../src-shared/workflow';
import { HttpError, parseOr400 } from '../http/errors';
import { requireUser, type AppContext } from '../http/context';
import type { Tx } from '../storage/types';

const Params = z.strictObject({ id: Id });

function status(v: unknown): ArticleStatus | null {
  return typeof v === 'string' && (ARTICLE_STATUSES as readonly string[]).includes(v)
    ? (v as ArticleStatus)
    : null;
}

function detailOf(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
}

/** `notes`: whether the reader may see review comments and transition notes (mayReadComments). */
async function timeline(tx: Tx, articleId: string, notes: boolean): Promise<TimelineEntry[]> {
  const names = new Map<string, { id: string; username: string } | null>();
  const userOf = async (id: string | null) => {
    if (id === null) return null;
    if (!names.has(id)) {
      const u = await tx.getUserById(id);
      names.set(id, u ? { id: u.id, username: u.username } : null);
    }
    return names.get(id) ?? null;
  };
  const items: TimelineEntry[] = [];
  for (const e of await tx.listAudit('article', articleId)) {
    if (!e.action.startsWith('article.')) continue;
    const d = detailOf(e.detail);
    items.push({
      id: `audit:${e.id}`,
      kind: 'transition',
      action: e.action.slice('article.'.length),
      from: status(d.from),
      to: status(d.to),
      text: notes && typeof d.comment === 'string' ? d.comment : null,
      user: await userOf(e.userId),
      at: e.createdAt,
      pending: false,
    });
  }
  for (const c of notes ? await tx.listComments(articleId) : []) {
    items.push({
      id: `comment:${c.id}`,
      kind: 'comment',
      action: 'comment',
      from: null,
      to: null,
      text: c.text,
      user: await userOf(c.authorId),
      at: c.createdAt,
      pending: false,
    });
  }
  return sortTimeline(items);
}

export function timelineRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/v1/articles/:id/timeline', async (req): Promise<TimelineResponse> => {
    const user = await requireUser(ctx, req);
    const { id } = parseOr400(Params, req.params, 'article id');
    return ctx.storage.read(async (tx) => {
      const article = await tx.getArticle(id);
      // Not readable looks like not there: no probing which ids exist.
      const actor = { id: user.id, role: user.role };
      if (!article || !mayReadArticle(article, actor)) {
        throw new HttpError(404, 'not_found', `There is no article ${id}.`);
      }
      return { articleId: id, items: await timeline(tx, id, mayReadComments(article, actor)) };
    });
  });
}
