/** "Open at: Miriam Krause" — who else has this article open (see state/presence.ts). */
import { useTranslation } from 'react-i18next';
import type { PresenceUser } from '../../src-shared/live';
import { usePresenceOf } from '../state/presence';
import { useNameOf } from '../state/userNames';
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
  const users = usePresenceOf(articleId);
  // Every list row has a badge: only those with someone present follow the newsroom's names.
  return users.length === 0 ? null : <PresenceNames users={users} />;
}

/** The display names; on hover also the usernames ("Miriam Krause (chief)") and the hint. */
function PresenceNames({ users }: { users: readonly PresenceUser[] }) {
  const { t, i18n } = useTranslation();
  const nameOf = useNameOf();
  const list = listFormat(i18n.language);
  const names = list.format(users.map((u) => nameOf(u.username)));
  const withUsernames = list.format(
    users.map((u) => {
      const name = nameOf(u.username);
      return name === u.username ? name : `${name} (${u.username})`;
    }),
  );
  return (
    <span
      className="presence-badge"
      data-testid="presence"
      title={`${t('presence.openAt', { names: withUsernames })} — ${t('presence.hint')}`}
    >
      {t('presence.openAt', { names })}
    </span>
  );
}
