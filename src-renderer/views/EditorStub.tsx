import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Article } from '../../src-shared/model';
import { api } from '../api/transport';
import { useUi } from '../state/ui';

/** Placeholder editor until the Lexical editor lands: headline only, saved on input (debounced). */
export function EditorStub({ id }: { id: string }) {
  const { t } = useTranslation();
  const openArticle = useUi((s) => s.openArticle);
  const [article, setArticle] = useState<Article | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => {
    let live = true;
    void api['articles.get']({ id }).then((a) => live && setArticle(a));
    return () => {
      live = false;
    };
  }, [id]);

  if (!article) return null;
  const save = (headline: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void api['articles.save']({ id, fields: { headline } }), 300);
  };
  return (
    <section className="editor" aria-label={article.headline || t('list.untitled')}>
      <label className="field">
        <span>{t('stub.headline')}</span>
        <input defaultValue={article.headline} onChange={(e) => save(e.target.value)} autoFocus />
      </label>
      <p className="hint">{t('stub.note')}</p>
      <button type="button" onClick={() => openArticle(null)}>
        {t('stub.close')}
      </button>
    </section>
  );
}
