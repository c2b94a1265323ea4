/**
 * The article editor: metadata fields, the Lexical body, autosave status and the revision
 * history. Field values live in this component's state; the body lives only in Lexical.
 */
import { Suspense, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LexicalEditor } from 'lexical';
import { DEFAULT_SETTINGS, type Settings, type SpellingLanguage } from '../../src-shared/api';
import {
  META_DESCRIPTION_GUIDE,
  META_DESCRIPTION_MAX,
  pickArticleFields,
  slugify,
  type Article,
  type ArticleFields,
  type BodyJson,
  type Section,
} from '../../src-shared/model';
import { api, callOnExit } from '../api/transport';
import { useCoreEvents } from '../api/events';
import { Autosaver, type SaveRequest, type SaveStatus } from '../editor/autosave';
import { trackSave } from '../editor/pendingSaves';
import { BodyEditor } from '../editor/BodyEditor';
import { useArticleChecklist } from '../editor/checklist';
import { ChecklistPanel } from '../editor/ChecklistPanel';
import { CountedField } from '../editor/CountedField';
import { LeadImageField } from '../editor/images/LeadImageField';
import { SocialImageField } from '../editor/images/SocialImageField';
import { linkRow, LinksField, type LinkRow, savableLinks } from '../editor/LinksField';
import { arrivedArticle, forgetEarlyArticle, loadArticle } from '../editor/prefetch';
import { prepareBody } from '../editor/prepareBody';
import type { BodyStats } from '../editor/stats';
import { TagsField } from '../editor/TagsField';
import { useUi } from '../state/ui';
import { lazyNamed } from '../ui/lazyNamed';
import { useWorkflow } from '../review/useWorkflow';
import { WorkflowStrip } from '../review/WorkflowStrip';
import { WorkflowToggles } from '../review/WorkflowToggles';
import { WorkflowPanels } from '../review/WorkflowPanels';
import { CommentsPanel } from './CommentsPanel';
import { SuggestionsPanel } from '../suggest/SuggestionsPanel';
import { useBodySuggestions } from '../suggest/bodySuggestions';
import { useRemoteUpdates } from '../editor/remoteUpdates';
import { RemoteUpdateBanner } from '../editor/RemoteUpdateBanner';
import { ConflictPanel } from './ConflictPanel';
import { fieldsOfConflict } from '../editor/conflictFields';
import { useCloseDroppedDraft, useDropBlankDraft } from '../editor/blankDraft';
import { DiscardDraftButton } from '../editor/DiscardDraft';
import { useEditLock } from '../review/useEditLock';
import { worksOnArticle } from '../review/editLock';
import { ReadOnlyBanner } from '../review/ReadOnlyBanner';
import { ChangesRequestedBanner } from '../review/ChangesRequestedBanner';
import { useCurrentUser } from '../review/useRole';
import { useSuggestDefault } from '../suggest/useSuggestDefault';
import { useSuggestionReply } from '../suggest/suggestionReply';
import { EmbargoPanel } from '../review/EmbargoPanel';
import { PresenceBadge } from './PresenceBadge';
import { useAnnouncePresence } from '../state/presence';
import { SpellingLanguageSelect } from '../spelling/SpellingLanguageSelect';
import { FindBar, type FindableFields } from '../find/FindBar';
import { registerFindOpener } from '../find/findRequests';
import { focusBody, focusField, isPlainEnter } from '../editor/fieldFocus';
import { isFindKey, isReplaceKey } from '../editor/shortcuts';
import { History, PanelRightClose, PanelRightOpen, Trash2, X } from 'lucide-react';
import { offersDelete } from '../state/deleteRule';
import { useTrash } from '../state/trash';
import { MissingCount } from '../editor/MissingCount';
import { SaveState } from '../editor/SaveState';
import { startupDone } from '../boot/startupGate';
import { DeferredAside } from '../boot/AfterStartup';
import { useSuggesting } from '../suggest/suggestMode';
import {
  fieldSuggestionItem,
  suggestionsOn,
  useFieldSuggestions,
} from '../suggest/fieldSuggestions';
import { useFieldSuggestionDrafts } from '../suggest/useFieldSuggestionDrafts';
import { FieldSuggestionList } from '../suggest/FieldSuggestionList';
import { FieldDecisionNotice } from '../suggest/FieldDecisionNotice';
import { useFieldDecisions } from '../suggest/useFieldDecisions';
import { errorText } from '../i18n/errors';
import '../suggest/testHook';
import type { SuggestibleField } from '../../src-shared/model';

interface Loaded {
  article: Article;
  body: BodyJson;
  /** Bumped when a restored revision replaces the editor's content. */
  generation: number;
}

// Opened on demand: loaded when first opened.
const RevisionHistory = lazyNamed(() => import('./RevisionHistory'), 'RevisionHistory');

function load(article: Article, generation: number): Loaded {
  // Repaired block ids stay in the editor until the next real edit saves them: opening an
  // article never writes (an article the user may not change would get a rejected save).
  const { body } = prepareBody(article.body);
  return { article, body, generation };
}

export function ArticleEditor({ id }: { id: string }) {
  const { t } = useTranslation();
  // The article opened at start is usually here before the first render (boot/early.ts asked
  // for it while the app loaded): then the body renders at once, without a "loading" pass.
  const [loaded, setLoaded] = useState<Loaded | null>(() => {
    const arrived = arrivedArticle(id);
    return arrived ? load(arrived, 0) : null;
  });
  const loadedAtStart = useRef(loaded !== null);
  useCloseDroppedDraft(loaded?.article ?? null);
  const [error, setError] = useState<string | null>(null);
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [sections, setSections] = useState<Section[]>([]);
  useAnnouncePresence(id);

  useEffect(() => {
    let live = true;
    if (loadedAtStart.current) forgetEarlyArticle(id);
    else
      loadArticle(id)
        .then((a) => live && setLoaded(load(a, 0)))
        .catch((e: unknown) => {
          startupDone();
          if (live) setError(e instanceof Error ? e.message : String(e));
        });
    void api['settings.get']({})
      .then((s) => live && setSettings(s))
      .catch(() => undefined);
    void api['sections.list']({})
      .then((r) => live && setSections(r.items))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [id]);
  useCoreEvents((e) => {
    if (e.type === 'settings.updated')
      void api['settings.get']({})
        .then(setSettings)
        .catch(() => undefined);
  });

  if (error) {
    return (
      <section className="article-editor" aria-label={t('editor.label')}>
        <p role="alert" className="banner banner--error">
          {t('editor.loadError', { message: error })}
        </p>
      </section>
    );
  }
  if (!loaded) {
    return (
      <section className="article-editor" aria-label={t('editor.label')}>
        <p className="hint">{t('editor.loading')}</p>
      </section>
    );
  }
  return (
    <EditorForm
      key={loaded.generation}
      loaded={loaded}
      settings={settings}
      sections={sections}
      onRestored={(a) => setLoaded((prev) => load(a, (prev?.generation ?? 0) + 1))}
    />
  );
}

const SLUG_MAX = 200;

/** What the user typed, as a slug the server accepts ('' lets publication derive one). */
function editableSlug(text: string): string {
  return slugify(text).slice(0, SLUG_MAX).replace(/-+$/, '');
}

function pickFields(a: Article): ArticleFields {
  return pickArticleFields(a);
}

function EditorForm({
  loaded,
  settings,
  sections,
  onRestored,
}: {
  loaded: Loaded;
  settings: Settings;
  sections: Section[];
  onRestored: (article: Article) => void;
}) {
  const { t } = useTranslation();
  const openArticle = useUi((s) => s.openArticle);
  const removeArticle = useTrash((s) => s.remove);
  const restoreArticle = useTrash((s) => s.restore);
  const { article } = loaded;
  const [fields, setFields] = useState<ArticleFields>(() => pickFields(article));
  const [links, setLinks] = useState<LinkRow[]>(() => article.links.map((l) => linkRow(l)));
  const [slugText, setSlugText] = useState(article.slug);
  const [status, setStatus] = useState<{ status: SaveStatus; error?: string }>({ status: 'saved' });
  const [stats, setStats] = useState<BodyStats | null>(null);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const detailsOpen = useUi((s) => s.detailsOpen);
  const setDetailsOpen = useUi((s) => s.setDetailsOpen);
  const detailsId = useId();
  // The revision history takes the details panel's place while it is open (beside the canvas
  // there is room for one of them; below 1200 px it takes the canvas's place, styles.css).
  const detailsShown = detailsOpen && !historyOpen;
  const showDetails = (show: boolean) => {
    if (show) setHistoryOpen(false);
    setDetailsOpen(show);
  };
  const showChecklist = () => {
    showDetails(true);
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>('[data-testid="article-checklist"]')?.focus(),
    );
  };
  // Read before the effect below clears it: a new article offers "Discard draft".
  const [isNew] = useState(() => useUi.getState().freshArticleId === article.id);
  // A new article starts with the cursor in its headline.
  useEffect(() => {
    const ui = useUi.getState();
    if (ui.freshArticleId !== article.id) return;
    useUi.setState({ freshArticleId: null });
    document.querySelector<HTMLElement>('.article-editor textarea[name="headline"]')?.focus();
  }, [article.id]);
  const editor = useRef<LexicalEditor | null>(null);
  const canvas = useRef<HTMLDivElement>(null);
  const [lexical, setLexical] = useState<LexicalEditor | null>(null);
  const bodySuggestions = useBodySuggestions(lexical);
  const fieldSuggestions = useFieldSuggestions(article);
  const checklist = useArticleChecklist(fields, lexical, bodySuggestions.length, fieldSuggestions);
  const bodyLabelId = useId();
  const statsId = useId();
  // Synced changes to this article: merged when the user pauses, never under the cursor.
  const remote = useRemoteUpdates({
    article,
    fields,
    editor,
    applyFields: (values) => {
      setFields((f) => ({ ...f, ...values }));
      if (values.links) setLinks(values.links.map((l) => linkRow(l)));
    },
  });
  const { merger } = remote;
  const lock = useEditLock(article);
  const suggestionReply = useSuggestionReply(lexical);
  const me = useCurrentUser();
  // Suggestion mode: kicker, headline and teaser edits become the user's suggestions.
  const suggesting = useSuggesting(article.id);
  const drafts = useFieldSuggestionDrafts(article.id, fieldSuggestions, me.username);
  useEffect(() => lexical?.setEditable(!lock.locked), [lexical, lock.locked]);
  useSuggestDefault(article, me, settings);

  const saver = useMemo(
    () =>
      new Autosaver({
        delayMs: 500,
        readBody: () => {
          const start = performance.now();
          const json = (editor.current?.getEditorState().toJSON() ?? loaded.body) as BodyJson;
          performance.measure('copydesk:serialize', { start, end: performance.now() });
          return json;
        },
        save: async (request: SaveRequest) => {
          const start = performance.now();
          await merger.save(request); // with baseRevision: the core merges a synced change
          performance.measure(request.body ? 'copydesk:save-body' : 'copydesk:save-fields', {
            start,
            end: performance.now(),
          });
        },
        saveOnExit: (request) =>
          callOnExit('articles.save', {
            id: article.id,
            ...request,
            baseRevision: merger.baseRevision,
          }),
        onStatus: (s, e) => {
          setStatus({ status: s, error: e });
          if (s === 'saved') setSavedAt(new Date());
        },
      }),
    [article.id, loaded.body, merger],
  );
  useEffect(() => merger.attach(saver), [merger, saver]);

  // Save on close of the window, on hiding it, and when the editor goes away.
  useEffect(() => {
    const exit = () => saver.flushOnExit();
    const hidden = () =>
      document.visibilityState === 'hidden' && void saver.flush().catch(() => undefined);
    window.addEventListener('pagehide', exit);
    window.addEventListener('beforeunload', exit);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      window.removeEventListener('pagehide', exit);
      window.removeEventListener('beforeunload', exit);
      document.removeEventListener('visibilitychange', hidden);
      trackSave(saver.flush());
    };
  }, [saver]);

  const flush = useCallback(() => void saver.flush().catch(() => undefined), [saver]);
  const flushNow = useCallback(() => saver.flush(), [saver]);
  const edited = useDropBlankDraft(article.id, isNew, flushNow);
  const workflow = useWorkflow(article, checklist, flushNow);
  // The address of the first publication stays until a correction publishes a changed slug.
  // Read from the live article: a publication pulled while the editor is open fixes it too.
  const slugFixed = workflow.article.publishedAt !== null;
  const setField = <K extends keyof ArticleFields>(key: K, value: ArticleFields[K]) => {
    edited();
    setFields((f) => ({ ...f, [key]: value }));
    merger.touch(key);
    saver.setField(key, value);
  };
  const suggestable = (field: SuggestibleField) =>
    suggesting
      ? {
          value: drafts.shown(field, fields[field]),
          onChange: (v: string) => drafts.change(field, v),
          onFocus: () => drafts.focus(field),
          onBlur: () => drafts.blur(field),
        }
      : { value: fields[field], onChange: (v: string) => setField(field, v), onBlur: flush };
  const kicker: {
    value: string;
    onChange: (v: string) => void;
    onFocus?: () => void;
    onBlur: () => void;
  } = suggestable('kicker');
  const canResolve = me.chief || (me.id != null && me.id === article.authorId);
  const takeStored = useCallback((f: SuggestibleField[]) => merger.mergeNow(f), [merger]);
  const decisions = useFieldDecisions(article.id, fieldSuggestions, flushNow, takeStored);
  const suggestionsUnder = (field: SuggestibleField, label: string) => (
    <>
      <FieldSuggestionList
        label={label}
        current={fields[field]}
        suggestions={suggestionsOn(fieldSuggestions, field)}
        canResolve={canResolve}
        onResolve={decisions.resolve}
      />
      {decisions.undo.last?.decisions[0]?.suggestion.field === field && (
        <FieldDecisionNotice
          group={decisions.undo.last}
          label={label}
          onUndo={() => void decisions.undo.undo()}
          onDismiss={() => decisions.undo.dismiss()}
        />
      )}
    </>
  );
  const [find, setFind] = useState<{ replace: boolean; opened: number } | null>(null);
  const openFind = useCallback((replace: boolean) => {
    setFind((f) => ({ replace: replace || (f?.replace ?? false), opened: (f?.opened ?? 0) + 1 }));
  }, []);
  useEffect(() => registerFindOpener(openFind), [openFind]);
  const onFindKeys = (e: React.KeyboardEvent) => {
    if (e.nativeEvent.isComposing) return;
    const replace = isReplaceKey(e);
    if (!replace && !isFindKey(e)) return;
    e.preventDefault();
    openFind(replace);
  };
  const closeFind = useCallback(() => {
    setFind(null);
    editor.current?.focus();
  }, []);
  const onReplaceFields = (patch: Partial<FindableFields>) => {
    for (const [k, v] of Object.entries(patch) as [keyof FindableFields, string][]) setField(k, v);
  };
  const onLinks = (rows: LinkRow[]) => {
    setLinks(rows);
    const valid = savableLinks(rows);
    if (JSON.stringify(valid) !== JSON.stringify(fields.links)) setField('links', valid);
  };

  const onEditor = useCallback((e: LexicalEditor | null) => {
    if (e) {
      editor.current = e;
      setLexical(e);
    }
  }, []);
  const onBodyChange = useCallback(() => {
    edited();
    merger.typed();
    saver.markBodyDirty();
  }, [saver, merger, edited]);
  const onError = useCallback((e: Error) => console.error('Body editor:', e), []);
  const latestSettings = useRef(settings);
  latestSettings.current = settings;
  const spellingLanguage = settings.articleSpelling[article.id] ?? 'de';
  const setSpellingLanguage = (language: SpellingLanguage) =>
    void api['settings.update']({
      articleSpelling: { ...latestSettings.current.articleSpelling, [article.id]: language },
    }).catch((e: unknown) => onError(e instanceof Error ? e : new Error(String(e))));
  // "Add to newsroom dictionary": queued, it reaches every desk with the next sync.
  const onAddWord = useCallback(
    (word: string) =>
      void api['dictionary.add']({ word }).catch((e: unknown) =>
        onError(e instanceof Error ? e : new Error(String(e))),
      ),
    [onError],
  );

  return (
    <section className="article-editor" aria-label={t('editor.label')} onKeyDown={onFindKeys}>
      <header className="article-editor__bar">
        <WorkflowStrip workflow={workflow} />
        <MissingCount checklist={checklist} onOpen={showChecklist} />
        <SaveState status={status.status} error={status.error} savedAt={savedAt} />
        <PresenceBadge articleId={article.id} />
        <WorkflowToggles workflow={workflow} />
        <button
          type="button"
          className="button button--quiet status-line__button"
          aria-expanded={historyOpen}
          title={t('editor.history')}
          onClick={() => setHistoryOpen((o) => !o)}
        >
          <History aria-hidden size={16} />
          <span className="status-line__label">{t('editor.history')}</span>
        </button>
        <button
          type="button"
          className="icon-button"
          aria-expanded={detailsShown}
          aria-controls={detailsId}
          aria-label={detailsShown ? t('layout.hideDetails') : t('layout.showDetails')}
          title={detailsShown ? t('layout.hideDetails') : t('layout.showDetails')}
          onClick={() => showDetails(!detailsShown)}
        >
          {detailsShown ? (
            <PanelRightClose aria-hidden size={18} />
          ) : (
            <PanelRightOpen aria-hidden size={18} />
          )}
        </button>
        {/* The stored article: a step or a delete elsewhere since opening changes what is offered. */}
        {isNew && workflow.article.status === 'draft' ? (
          <DiscardDraftButton articleId={article.id} flush={flushNow} />
        ) : (
          offersDelete(workflow.article, me) &&
          workflow.article.deletedAt === null && (
            <button
              type="button"
              className="button button--quiet status-line__button"
              title={t('trash.delete')}
              onClick={() => void removeArticle(article.id, fields.headline)}
            >
              <Trash2 aria-hidden size={16} />
              <span className="status-line__label">{t('trash.delete')}</span>
            </button>
          )
        )}
        <button
          type="button"
          className="button button--quiet status-line__button"
          title={t('editor.close')}
          onClick={() => openArticle(null)}
        >
          <X aria-hidden size={16} />
          <span className="status-line__label">{t('editor.close')}</span>
        </button>
      </header>
      {find && (
        <FindBar
          editor={lexical}
          replace={find.replace}
          replaceOff={lock.locked ? 'readOnly' : suggesting ? 'suggesting' : null}
          focusToken={find.opened}
          fields={{
            kicker: fields.kicker,
            headline: fields.headline,
            teaser: fields.teaser,
            byline: fields.byline,
          }}
          onReplaceFields={onReplaceFields}
          onClose={closeFind}
        />
      )}
      <WorkflowPanels workflow={workflow} />
      <ReadOnlyBanner
        lock={lock}
        onRestore={() => void restoreArticle(article.id, fields.headline)}
      />
      <ChangesRequestedBanner article={article} />
      <RemoteUpdateBanner
        state={remote.state}
        self={me.username}
        onMerge={() => void merger.mergeNow()}
      />
      <ConflictPanel
        articleId={article.id}
        beforeResolve={flushNow}
        onResolved={(c) => void merger.mergeNow(fieldsOfConflict(c))}
        editable={!lock.locked}
      />
      <div className="article-editor__columns">
        <div
          className="article-editor__canvas"
          // Read only, the form's fields are disabled: the canvas itself takes the focus, so
          // keyboard users can reach and scroll the text.
          {...(lock.locked
            ? { tabIndex: 0, role: 'region', 'aria-label': t('editor.bodyReadOnly') }
            : {})}
        >
          <div className="canvas" ref={canvas}>
            <fieldset className="edit-lock" disabled={lock.locked}>
              <div className="field field--kicker">
                <label htmlFor={`${bodyLabelId}-kicker`}>{t('editor.kicker')}</label>
                <input
                  id={`${bodyLabelId}-kicker`}
                  type="text"
                  maxLength={200}
                  value={kicker.value}
                  onChange={(e) => kicker.onChange(e.target.value)}
                  onFocus={kicker.onFocus}
                  onBlur={kicker.onBlur}
                  onKeyDown={(e) => {
                    if (!isPlainEnter(e)) return;
                    e.preventDefault();
                    focusField(canvas.current, 'headline');
                  }}
                />
              </div>
              {suggestionsUnder('kicker', t('editor.kicker'))}
              <CountedField
                name="headline"
                label={t('editor.headline')}
                limit={settings.headlineSoftLimit}
                maxLength={500}
                wraps
                onEnter={() => focusField(canvas.current, 'teaser')}
                {...suggestable('headline')}
              />
              {suggestionsUnder('headline', t('editor.headline'))}
              <CountedField
                name="teaser"
                label={t('editor.teaser')}
                limit={settings.teaserSoftLimit}
                maxLength={3000}
                wraps
                rows={3}
                onEnter={() => focusBody(canvas.current)}
                {...suggestable('teaser')}
              />
              {suggestionsUnder('teaser', t('editor.teaser'))}
              {(drafts.error ?? decisions.error) && (
                <p role="alert" className="banner banner--error">
                  {drafts.error
                    ? t('fieldSuggestions.saveError', { message: drafts.error })
                    : t('fieldSuggestions.resolveError', { message: decisions.error })}
                </p>
              )}
              {decisions.undoError != null && (
                <p role="alert" className="banner banner--error">
                  {t('fieldSuggestions.undoError', {
                    reason: errorText(t, decisions.undoError),
                  })}
                </p>
              )}
              <div className="field field--body">
                <div className="body__label-row">
                  <span className="field__label" id={bodyLabelId}>
                    {t('editor.body')}
                  </span>
                  <SpellingLanguageSelect value={spellingLanguage} onChange={setSpellingLanguage} />
                </div>
                <BodyEditor
                  articleId={article.id}
                  suggestAs={!lock.locked && me.username ? me.username : null}
                  spellingLanguage={spellingLanguage}
                  personalWords={settings.personalDictionary}
                  onAddWord={onAddWord}
                  body={loaded.body}
                  labelledBy={bodyLabelId}
                  describedBy={statsId}
                  onEditor={onEditor}
                  onChange={onBodyChange}
                  onBlur={flush}
                  onStats={setStats}
                  onError={onError}
                />
                <p id={statsId} className="body__stats" data-testid="body-stats">
                  {stats &&
                    t('editor.stats', {
                      words: stats.words,
                      chars: stats.chars,
                      minutes: stats.minutes,
                    })}
                </p>
              </div>
            </fieldset>
          </div>
        </div>
        <DeferredAside
          id={detailsId}
          className="details"
          aria-label={t('layout.details')}
          hidden={!detailsShown}
        >
          <ChecklistPanel checklist={checklist} status={workflow.article.status} />
          <SuggestionsPanel
            article={workflow.article}
            editor={lexical}
            bodyItems={bodySuggestions}
            fieldItems={fieldSuggestions.map(fieldSuggestionItem)}
            onResolveFields={decisions.resolveListed}
            me={me}
            locked={lock.locked}
            flush={flushNow}
            onReply={suggestionReply.reply}
          />
          <fieldset className="edit-lock" disabled={lock.locked}>
            <div className="field field--section">
              <label htmlFor={`${bodyLabelId}-section`}>{t('editor.section')}</label>
              <select
                id={`${bodyLabelId}-section`}
                value={fields.section ?? ''}
                onChange={(e) => {
                  setField('section', e.target.value || null);
                  flush();
                }}
              >
                <option value="">{t('editor.sectionNone')}</option>
                {sections.map((s) => (
                  <option key={s.slug} value={s.slug}>
                    {s.name}
                  </option>
                ))}
                {fields.section && !sections.some((s) => s.slug === fields.section) && (
                  <option value={fields.section}>{fields.section}</option>
                )}
              </select>
            </div>
            <TagsField
              label={t('editor.tags')}
              tags={fields.tags}
              onChange={(tags) => setField('tags', tags)}
              onBlur={flush}
            />
            <LeadImageField
              value={fields.leadImage}
              onChange={(v) => setField('leadImage', v)}
              onBlur={flush}
            />
            <div className="field field--byline">
              <label htmlFor={`${bodyLabelId}-byline`}>{t('editor.byline')}</label>
              <input
                id={`${bodyLabelId}-byline`}
                type="text"
                value={fields.byline}
                maxLength={200}
                onChange={(e) => setField('byline', e.target.value)}
                onBlur={flush}
              />
            </div>
            <LinksField label={t('editor.links')} rows={links} onChange={onLinks} onBlur={flush} />
            <div className="field field--slug">
              <label htmlFor={`${bodyLabelId}-slug`}>{t('editor.slug')}</label>
              <input
                id={`${bodyLabelId}-slug`}
                type="text"
                value={slugText}
                placeholder={slugify(fields.headline)}
                maxLength={SLUG_MAX}
                aria-describedby={`${bodyLabelId}-slug-hint`}
                onChange={(e) => setSlugText(e.target.value)}
                onBlur={() => {
                  const slug = editableSlug(slugText);
                  setSlugText(slug);
                  if (slug !== fields.slug) setField('slug', slug);
                  flush();
                }}
              />
              <p id={`${bodyLabelId}-slug-hint`} className="hint">
                {slugFixed ? t('editor.slugFixed') : t('editor.slugHint')}
              </p>
            </div>
            <CountedField
              name="meta-description"
              label={t('editor.metaDescription')}
              value={fields.metaDescription}
              limit={META_DESCRIPTION_GUIDE}
              maxLength={META_DESCRIPTION_MAX}
              placeholder={fields.teaser.replace(/\s+/g, ' ').trim()}
              wraps
              rows={3}
              onChange={(v) => setField('metaDescription', v)}
              onBlur={flush}
            />
            <SocialImageField
              value={fields.socialImageId}
              leadImageId={fields.leadImage?.imageId ?? null}
              onChange={(v) => setField('socialImageId', v)}
              onBlur={flush}
            />
          </fieldset>
          <EmbargoPanel article={article} />
          <CommentsPanel
            articleId={article.id}
            editor={lexical}
            flush={flushNow}
            draft={suggestionReply.draft}
            mayComment={me.chief || worksOnArticle(workflow.article, me.id)}
          />
        </DeferredAside>
        {historyOpen && (
          <Suspense fallback={null}>
            <RevisionHistory
              articleId={article.id}
              beforeRestore={() => saver.flush()}
              canRestore={!lock.locked}
              onRestored={onRestored}
              onClose={() => setHistoryOpen(false)}
            />
          </Suspense>
        )}
      </div>
    </section>
  );
}
