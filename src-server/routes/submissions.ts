/**
 * GET /api/v1/review-queue/submissions?ids=A,B,…: for each article asked for that the user may
 * read and that has been submitted, who submitted it last and when (from the audit trail), so the
 * desk chief's queue shows the author's name and the submission time; desks that send
 * schemaVersion 2026-12-w or later get the submitter's display name too. Ids the user may not read,
 * or that were never submitted, are left out.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { Id } from '../../src-shared/model';
import {
  MAX_SUBMISSION_IDS,
  type Submission,
  type SubmissionsResponse,
} from '../../src-shared/timeline';
import { acceptsDisplayNames } from '../../src-shared/protocol';
import { mayReadArticle } from '../../src-shared/workflow';
import { parseOr400 } from '../http/errors';
import { requireUser, type AppContext } from '../http/context';

const Query = z.strictObject({
  schemaVersion: z.string().max(40).optional(),
  ids: z
    .string()
    .max(MAX_SUBMISSION_IDS * 40)
    .transform((s) => (s === '' ? [] : s.split(',')))
    .pipe(z.array(Id).max(MAX_SUBMISSION_IDS)),
});

function submittedTo(detail: unknown): boolean {
  return typeof detail === 'object' && detail !== null && 'to' in detail
    ? detail.to === 'in_review'
    : false;
}

export function submissionRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/v1/review-queue/submissions', async (req): Promise<SubmissionsResponse> => {
    const user = await requireUser(ctx, req);
    const { ids, schemaVersion } = parseOr400(Query, req.query, 'article ids');
    const withDisplayNames = acceptsDisplayNames(schemaVersion);
    const actor = { id: user.id, role: user.role };
    return ctx.storage.read(async (tx) => {
      const items: Submission[] = [];
      for (const id of new Set(ids)) {
        const article = await tx.getArticle(id);
        if (!article || !mayReadArticle(article, actor)) continue;
        const audit = await tx.listAudit('article', id);
        const last = audit.filter((e) => submittedTo(e.detail)).at(-1);
        if (!last) continue;
        const u = last.userId ? await tx.getUserById(last.userId) : null;
        items.push({
          articleId: id,
          user: u
            ? {
                id: u.id,
                username: u.username,
                ...(withDisplayNames && u.displayName ? { displayName: u.displayName } : {}),
              }
            : null,
          at: last.createdAt,
        });
      }
      return { items };
    });
  });
}
