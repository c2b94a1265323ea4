import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, Settings } from '../../src-shared/api';
import { api } from '../api/transport';
import { AboutSection } from './AboutSection';
import { NewsroomDictionary } from '../spelling/NewsroomDictionary';
import { changeLanguage, resolveLanguage, systemLanguage } from '../i18n';
import { applyTheme } from '../ui/theme';

export function SettingsView() {
  const { t } = useTranslation();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    void api['settings.get']({}).then(setSettings);
    void api['app.info']({}).then(setInfo);
  }, []);
  if (!settings) return null;

  const update = async (patch: Partial<Settings>) => {
    const next = await api['settings.update'](patch);
    setSettings(next);
    if (patch.language) await changeLanguage(resolveLanguage(next.language));
    if (patch.theme) applyTheme(next.theme);
  };

  return (
    <section className="settings" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('settings.title')}</h2>
      <label className="field">
        <span>{t('settings.language')}</span>
        <select
          value={settings.language}
          onChange={(e) => void update({ language: e.target.value as Settings['language'] })}
        >
          <option value="system">{t('settings.languageSystem', { lang: systemLanguage() })}</option>
          <option value="en">English</option>
          <option value="de">Deutsch</option>
        </select>
      </label>
      <label className="field">
        <span>{t('layout.theme')}</span>
        <select
          value={settings.theme}
          onChange={(e) => void update({ theme: e.target.value as Settings['theme'] })}
        >
          <option value="system">{t('layout.themeSystem')}</option>
          <option value="light">{t('layout.themeLight')}</option>
          <option value="dark">{t('layout.themeDark')}</option>
        </select>
      </label>
      <label className="field">
        <span>{t('settings.headlineLimit')}</span>
        <input
          type="number"
          min={10}
          max={1000}
          defaultValue={settings.headlineSoftLimit}
          onBlur={(e) => void update({ headlineSoftLimit: Number(e.target.value) })}
        />
      </label>
      <label className="field">
        <span>{t('settings.teaserLimit')}</span>
        <input
          type="number"
          min={10}
          max={5000}
          defaultValue={settings.teaserSoftLimit}
          onBlur={(e) => void update({ teaserSoftLimit: Number(e.target.value) })}
        />
      </label>
      <label className="field field--check">
        <input
          type="checkbox"
          checked={settings.suggestOnOthersArticles}
          onChange={(e) => void update({ suggestOnOthersArticles: e.target.checked })}
        />
        <span>{t('settings.suggestOnOthers')}</span>
      </label>
      <NewsroomDictionary />
      {info && <AboutSection info={info} />}
    </section>
  );
}
