import type { Article } from '../../src-shared/model';
import { editLock, worksOnArticle, type EditLock } from './editLock';
import { useCurrentUser } from './useRole';
import { useStoredArticle } from './useStoredArticle';

/** The edit lock of the open article, following its stored status and the signed-in role. */
export function useEditLock(article: Article): EditLock {
  const user = useCurrentUser();
  const [stored] = useStoredArticle(article);
  const inTrash = stored.deletedAt !== null;
  // Until the role is known nothing is locked by it (a desk chief's editor must not flicker);
  // the trash locks for every role.
  if (!user.known && !inTrash) return { locked: false, note: 'none' };
  return editLock(stored.status, user.chief, inTrash, worksOnArticle(stored, user.id));
}
