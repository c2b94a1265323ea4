/**
 * GET /api/v1/articles/:id/timeline: the article's workflow transitions (audit events) and review
 * comments, oldest first, with user names and server times. Read rule as for the article itself;
 * review comments and transition notes only for those who may read comments (mayReadComments).
 * Accepted and rejected suggestions (audit `article.suggestions`) only for clients that sent
 * `?schemaVersion=` 2026-12-y or later: older desks' strict parsers refuse the entry.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ARTICLE_STATUSES, Id, type ArticleStatus } from '../../src-shared/model';
import {
  SUGGESTION_AUDIT_ACTION,
  suggestionTimelineAction,
} from '../../src-shared/mutations/suggestionDecision';
import { acceptsSuggestionTimeline } from '../../src-shared/protocol';
import { sortTimeline, type TimelineEntry, type TimelineResponse } from '../../src-shared/timeline';
import { mayReadArticle, mayReadComments } from '../../src-shared/workflow';
import { HttpError, parseOr400 } from '../http/errors';
import { requireUser, type AppContext } from '../http/context';
import type { Tx } from '../storage/types';

const Params = z.strictObject({ id: Id });
const Query = z.object({ schemaVersion: z.string().max(40).optional() });

function status(v: unknown): ArticleStatus | null {
  return typeof v === 'string' && (ARTICLE_STATUSES as readonly string[]).includes(v)
    ? (v as ArticleStatus)
    : null;
}

function detailOf(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
}

/** A recorded accept or reject of suggestions as a timeline entry. */
function suggestionEntry(
  id: string,
  d: Record<string, unknown>,
  user: TimelineEntry['user'],
  at: string,
): TimelineEntry {
  const authors = Array.isArray(d.authors) ? d.authors.filter((a) => typeof a === 'string') : [];
  return {
    id,
    kind: 'suggestion',
    action: suggestionTimelineAction(d),
    from: null,
    to: null,
    text: typeof d.excerpt === 'string' ? d.excerpt : null,
    user,
    at,
    pending: false,
    suggestions: { count: typeof d.count === 'number' ? d.count : 0, authors },
  };
}

/**
 * `notes`: whether the reader may see review comments and transition notes (mayReadComments);
 * `suggestions`: whether the client reads suggestion entries.
 */
async function timeline(
  tx: Tx,
  articleId: string,
  notes: boolean,
  suggestions: boolean,
): Promise<TimelineEntry[]> {
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
    if (e.action === SUGGESTION_AUDIT_ACTION) {
      if (suggestions)
        items.push(suggestionEntry(`audit:${e.id}`, d, await userOf(e.userId), e.createdAt));
      continue;
    }
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
    const { schemaVersion } = parseOr400(Query, req.query, 'timeline query');
    return ctx.storage.read(async (tx) => {
      const article = await tx.getArticle(id);
      // Not readable looks like not there: no probing which ids exist.
      const actor = { id: user.id, role: user.role };
      if (!article || !mayReadArticle(article, actor)) {
        throw new HttpError(404, 'not_found', `There is no article ${id}.`);
      }
      const notes = mayReadComments(article, actor);
      const items = await timeline(tx, id, notes, acceptsSuggestionTimeline(schemaVersion));
      return { articleId: id, items };
    });
  });
}
