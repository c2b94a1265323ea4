/**
 * Whether to offer "Delete" on an article: the server's rule (`mayDeleteArticle`) as far as the
 * desk can tell: never a published article; editors only drafts (the server also checks that the
 * draft is theirs), desk chiefs any other.
 */
export function offersDelete(article: { status: string }, chief: boolean): boolean {
  return article.status !== 'published' && (chief || article.status === 'draft');
}
