/**
 * Whether to offer "Delete" on an article: the server's rule (`mayDeleteArticle`): never a
 * published article; desk chiefs any other; everyone else only drafts they wrote (a desk that
 * never signed in, `userId` null, and an article without an author yet count as theirs).
 * Nothing until the core has said who the user is (`known`): until then every article would
 * look like one's own, and Delete would show on others' rows for a moment.
 */
export function offersDelete(
  article: { status: string; authorId: string | null },
  user: { chief: boolean; id: string | null; known: boolean },
): boolean {
  if (!user.known) return false;
  if (article.status === 'published') return false;
  if (user.chief) return true;
  const mine = user.id === null || article.authorId === null || article.authorId === user.id;
  return mine && article.status === 'draft';
}
