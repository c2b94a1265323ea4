/**
 * The differences between two versions of an article: the changed fields, then the body with
 * changed, added and removed paragraphs marked word by word. Long runs of unchanged paragraphs
 * fold into one line, with the paragraph before and after a change kept as context.
 */
import { useTranslation } from 'react-i18next';
import { foldUnchanged, type ArticleComparison } from './compareArticles';
import { DiffText, type DiffLabels } from './DiffText';

export function ArticleCompare({ comparison }: { comparison: ArticleComparison }) {
  const { t } = useTranslation();
  const labels: DiffLabels = { ins: t('compare.inserted'), del: t('compare.deleted') };
  if (!comparison.changed) return <p className="hint">{t('compare.noChanges')}</p>;
  return (
    <div className="diff" data-testid="article-compare">
      {comparison.fields.length > 0 && (
        <dl>
          {comparison.fields.map((f) => (
            <div className="diff__field" key={f.field}>
              <dt>{t(`conflicts.fields.${f.field}`)}</dt>
              <dd>
                <DiffText parts={f.parts} labels={labels} />
              </dd>
            </div>
          ))}
        </dl>
      )}
      {comparison.body.some((b) => b.kind !== 'same') && (
        <section aria-label={t('conflicts.fields.body')}>
          {foldUnchanged(comparison.body).map((s) =>
            'skipped' in s ? (
              <p key={`skip-${s.index}`} className="diff__skipped">
                {t('compare.unchanged', { count: s.skipped })}
              </p>
            ) : (
              <p key={s.index} className={`diff__block diff__block--${s.block.kind}`}>
                <DiffText parts={s.block.parts} labels={labels} />
              </p>
            ),
          )}
        </section>
      )}
    </div>
  );
}
