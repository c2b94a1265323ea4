/**
 * Whether to offer "Delete" on an article: the server's rule (`mayDeleteArticle`): never a
 * published article; desk chiefs any other; everyone else only drafts they wrote (a desk that
 * never signed in, `userId` null, and an article without an author yet count as theirs).
 */
export function offersDelete(
  article: { status: string; authorId: string | null },
  user: { chief: boolean; id: string | null },
): boolean {
  if (article.status === 'published') return false;
  if (user.chief) return true;
  const mine = user.id === null || article.authorId === null || article.authorId === user.id;
  return mine && article.status === 'draft';
}
