/** "Open at: chief" — who else has this article open (see state/presence.ts). */
import { useTranslation } from 'react-i18next';
import { usePresenceOf } from '../state/presence';
import './presence.css';

const listFormats = new Map<string, Intl.ListFormat>();
function listFormat(language: string): Intl.ListFormat {
  let f = listFormats.get(language);
  if (!f) {
    f = new Intl.ListFormat(language, { style: 'long', type: 'conjunction' });
    listFormats.set(language, f);
  }
  return f;
}

export function PresenceBadge({ articleId }: { articleId: string }) {
  const { t, i18n } = useTranslation();
  const users = usePresenceOf(articleId);
  if (users.length === 0) return null;
  const names = listFormat(i18n.language).format(users.map((u) => u.username));
  return (
    <span
      className="presence-badge"
      data-testid="presence"
      title={`${t('presence.openAt', { names })} — ${t('presence.hint')}`}
    >
      {t('presence.openAt', { names })}
    </span>
  );
}
