/**
 * Review comments in the local store. A comment written here is stored together with its
 * `comment.add` outbox row in one transaction; the server's copy (server time and version)
 * replaces it when a pull brings it.
 */
import { v7 as uuidv7 } from 'uuid';
import type { ReviewComment } from '../../../src-shared/api';
import type { CommentState } from '../../../src-shared/mutations';
import type { Db } from './db';
import type { OutboxRepository } from './outbox';
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
  private readonly outbox: OutboxRepository;

  constructor(
    private readonly db: Db,
    outbox: OutboxRepository,
  ) {
    this.outbox = outbox;
    this.s = lazyStatements(db, {
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
  }

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
    this.db
      .transaction(() => {
        this.s.insert.run(id, input.articleId, input.authorId, input.blockId, text, input.at);
        this.outbox.enqueue(
          'comment.add',
          { id, articleId: input.articleId, text, blockId: input.blockId },
          null,
          input.at,
        );
      })
      .immediate();
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
