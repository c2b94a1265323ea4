/**
 * Review comments in the local store. A comment written here is the shared `comment.add`
 * mutation, run by the local writer (local-writer.ts) and stored together with its outbox row in
 * one transaction; the server's copy (server time and version) replaces it when a pull brings it.
 */
import { v7 as uuidv7 } from 'uuid';
import type { ReviewComment } from '../../../src-shared/api';
import type { CommentState } from '../../../src-shared/mutations';
import type { Db } from './db';
import type { LocalStateStore, LocalWriter } from './local-writer';
import { lazyStatements } from './statements';

interface CommentRow {
  id: string;
  article_id: string;
  author_id: string | null;
  block_id: string | null;
  text: string;
  created_at: string;
  server_version: number | null;
}

function toComment(r: CommentRow): ReviewComment {
  return {
    id: r.id,
    articleId: r.article_id,
    authorId: r.author_id,
    blockId: r.block_id,
    text: r.text,
    createdAt: r.created_at,
    pending: r.server_version === null,
  };
}

export class CommentRepository {
  private readonly s;

  constructor(
    db: Db,
    private readonly writer: LocalWriter,
  ) {
    this.s = lazyStatements(db, {
      get: 'SELECT * FROM comments WHERE id = ?',
      list: 'SELECT * FROM comments WHERE article_id = ? ORDER BY created_at, id',
      insert: `INSERT INTO comments (id, article_id, author_id, block_id, text, created_at, server_version)
               VALUES (?, ?, ?, ?, ?, ?, NULL)`,
      upsert: `INSERT INTO comments (id, article_id, author_id, block_id, text, created_at, server_version)
               VALUES (?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT (id) DO UPDATE SET article_id = excluded.article_id,
                 author_id = excluded.author_id, block_id = excluded.block_id, text = excluded.text,
                 created_at = excluded.created_at, server_version = excluded.server_version
               WHERE comments.server_version IS NULL OR comments.server_version < excluded.server_version`,
    });
    this.writer.register('comment', this.localStates);
  }

  /** How the local writer reads and keeps comment states. */
  readonly localStates: LocalStateStore<'comment'> = {
    load: (id) => {
      const r = this.s.get.get(id) as CommentRow | undefined;
      return r
        ? {
            id: r.id,
            articleId: r.article_id,
            authorId: r.author_id,
            blockId: r.block_id,
            text: r.text,
            createdAt: r.created_at,
            version: r.server_version ?? 0,
          }
        : null;
    },
    // A comment is only ever added locally; edits to it come from the server.
    persist: (_before, c) =>
      this.s.insert.run(c.id, c.articleId, c.authorId, c.blockId, c.text, c.createdAt),
    outboxBase: () => null,
  };

  /** Oldest first. */
  list(articleId: string): ReviewComment[] {
    return (this.s.list.all(articleId) as CommentRow[]).map(toComment);
  }

  /** Writes a comment and its `comment.add` mutation in one transaction. */
  add(input: {
    articleId: string;
    text: string;
    blockId: string | null;
    authorId: string | null;
    at: string;
  }): ReviewComment {
    const id = uuidv7();
    const text = input.text.trim();
    this.writer.writeOne(
      'comment',
      'comment.add',
      { id, articleId: input.articleId, text, blockId: input.blockId },
      { before: null, authorId: input.authorId, at: input.at },
    );
    return {
      id,
      articleId: input.articleId,
      authorId: input.authorId,
      blockId: input.blockId,
      text,
      createdAt: input.at,
      pending: true,
    };
  }

  /** Stores the server's copy of a comment (inside the pull's transaction). */
  putSynced(c: CommentState): void {
    this.s.upsert.run(c.id, c.articleId, c.authorId, c.blockId, c.text, c.createdAt, c.version);
  }
}
