import { useTranslation } from 'react-i18next';
import type { LinkProblem } from './linkPolicy';

/** The translated message for a rejected link. */
export function useLinkProblemText(): (problem: LinkProblem) => string {
  const { t } = useTranslation();
  return (problem) =>
    problem.key === 'scheme'
      ? t('editor.linkProblem.scheme', { scheme: problem.scheme })
      : t(`editor.linkProblem.${problem.key}`);
}
