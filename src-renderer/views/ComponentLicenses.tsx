/** The open-source components this build ships (licenses.json, written at build time). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';

const Components = z.array(
  z.object({ name: z.string(), version: z.string(), license: z.string() }),
);
type Components = z.infer<typeof Components>;

export function ComponentLicenses() {
  const { t } = useTranslation();
  const [list, setList] = useState<Components | null | 'failed'>(null);
  const load = () => {
    if (list !== null) return;
    fetch('./licenses.json')
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
      .then((j: unknown) => setList(Components.parse(j)))
      .catch(() => setList('failed'));
  };
  return (
    <details className="about__licenses" onToggle={(e) => e.currentTarget.open && load()}>
      <summary>{t('about.components')}</summary>
      {list === 'failed' ? (
        <p>{t('about.componentsMissing')}</p>
      ) : list === null ? (
        <p>{t('list.loading')}</p>
      ) : (
        <ul aria-label={t('about.components')}>
          {list.map((c) => (
            <li key={`${c.name}@${c.version}`}>
              {c.name} {c.version} — {c.license}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
