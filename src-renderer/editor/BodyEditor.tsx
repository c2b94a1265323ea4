/**
 * The Lexical body of an article. Uncontrolled: the document lives in the editor only; the
 * parent learns "something changed" (no serialization) and reads the JSON when it saves.
 */
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LexicalExtensionComposer } from '@lexical/react/LexicalExtensionComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { HISTORY_MERGE_TAG, type LexicalEditor } from 'lexical';
import { articleEditorExtension } from './extension';
import { CREDIT_SYNC_TAG, decorateArticleImage } from './images/ArticleImageView';
import { ImagePicker } from './images/ImagePicker';
import { ImageDropPlugin } from './images/ImageDropPlugin';
import { insertArticleImage } from './images/insert';
import { LinkDialog } from './LinkDialog';
import { applyLink, type LinkTarget, readLinkTarget } from './links';
import { $textContentAsRejected } from '../../src-shared/richtext/suggestionNode';
import { type BodyStats, bodyStats } from './stats';
import { Toolbar } from './Toolbar';
import { BodyContent } from './BodyContent';
import type { SpellingLanguage } from '../../src-shared/api';
import { SpellingPlugin } from '../spelling/SpellingPlugin';
import { startupDone } from '../boot/startupGate';
import { SuggestTypingPlugin, toggleSuggesting } from '../suggest/SuggestTypingPlugin';
import { useSuggesting } from '../suggest/suggestMode';

/** Stats are recomputed this long after the last change (an O(n) read, never per keystroke). */
const STATS_DELAY_MS = 400;

export interface BodyEditorProps {
  articleId: string;
  /** Who suggests in suggestion mode; null where the user may not suggest (no toggle then). */
  suggestAs: string | null;
  /** Stored body with block ids ensured; read once, when the editor is created. */
  body: unknown;
  labelledBy: string;
  describedBy: string;
  onEditor: (editor: LexicalEditor | null) => void;
  onChange: () => void;
  onBlur: () => void;
  onStats: (stats: BodyStats) => void;
  onError: (error: Error) => void;
  spellingLanguage: SpellingLanguage;
  /** The personal dictionary (words accepted in every language). */
  personalWords: readonly string[];
  onAddWord: (word: string) => void;
}

function readStats(editor: LexicalEditor): BodyStats {
  // Counted as published: open suggested insertions are not part of the article yet.
  return bodyStats(editor.getEditorState().read(() => $textContentAsRejected(), { editor }));
}

/** Tells the parent about content changes (not selection moves or the initial load). */
function ChangeReporter({
  onEditor,
  onChange,
  onStats,
}: Pick<BodyEditorProps, 'onEditor' | 'onChange' | 'onStats'>) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    onEditor(editor);
    onStats(readStats(editor));
    let statsTimer: ReturnType<typeof setTimeout> | undefined;
    const off = editor.registerUpdateListener(
      ({ dirtyElements, dirtyLeaves, prevEditorState, tags }) => {
        if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
        // History-merge updates are repairs (block ids; an image's credit copy brought up to
        // date on open): opening, scrolling or selecting never saves; they reach the store with
        // the next real edit. A library credit that changes while the article is open is
        // saved (CREDIT_SYNC_TAG): the published page shows the record's credit either way.
        if (tags.has(HISTORY_MERGE_TAG) && !tags.has(CREDIT_SYNC_TAG)) return;
        if (prevEditorState.isEmpty()) return;
        onChange();
        clearTimeout(statsTimer);
        statsTimer = setTimeout(() => onStats(readStats(editor)), STATS_DELAY_MS);
      },
    );
    return () => {
      off();
      clearTimeout(statsTimer);
      onEditor(null);
    };
  }, [editor, onEditor, onChange, onStats]);
  return null;
}

/** Marks the moment the body is shown and editable (the bench reads this mark). */
function ReadyMark() {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const root = editor.getRootElement();
    if (root && root.isContentEditable && root.childElementCount > 0) {
      performance.mark('copydesk:editor-ready');
      root.dataset.ready = 'true';
    }
    startupDone();
  }, [editor]);
  return null;
}

export const BodyEditor = memo(function BodyEditor(props: BodyEditorProps) {
  const { body, labelledBy, describedBy, onBlur } = props;
  const { t } = useTranslation();
  const [link, setLink] = useState<LinkTarget | null>(null);
  const [picking, setPicking] = useState(false);
  const editorRef = useRef<LexicalEditor | null>(null);
  const hooks = useRef(props);
  hooks.current = props;
  const { articleId, suggestAs } = props;
  const suggesting = useSuggesting(articleId);

  const extension = useMemo(
    () =>
      articleEditorExtension(body, {
        onLinkRequest: (target) => setLink(target),
        onError: (error) => hooks.current.onError(error),
        decorateImage: decorateArticleImage,
      }),
    [body],
  );

  const close = () => {
    setLink(null);
    editorRef.current?.focus();
  };

  return (
    <LexicalExtensionComposer extension={extension} contentEditable={null}>
      <EditorRef target={editorRef} />
      <Toolbar
        onLink={(editor) => setLink(readLinkTarget(editor))}
        onImage={() => setPicking(true)}
        suggest={
          suggestAs === null
            ? undefined
            : { on: suggesting, onToggle: () => toggleSuggesting(articleId) }
        }
      />
      <BodyContent labelledBy={labelledBy} describedBy={describedBy} onBlur={onBlur} />
      <SpellingPlugin
        language={props.spellingLanguage}
        personalWords={props.personalWords}
        onAddWord={props.onAddWord}
      />
      <ImageDropPlugin />
      <SuggestTypingPlugin articleId={articleId} suggestAs={suggestAs} />
      <ReadyMark />
      <ChangeReporter onEditor={props.onEditor} onChange={props.onChange} onStats={props.onStats} />
      {link && (
        <LinkDialog
          initialUrl={link.url}
          onCancel={close}
          onApply={(url) => {
            if (editorRef.current) applyLink(editorRef.current, link, url);
            setLink(null);
          }}
          onRemove={() => {
            if (editorRef.current) applyLink(editorRef.current, link, null);
            setLink(null);
          }}
        />
      )}
      {picking && (
        <ImagePicker
          title={t('articleImages.picker.title')}
          onCancel={() => {
            setPicking(false);
            editorRef.current?.focus();
          }}
          onPick={(image, alt) => {
            setPicking(false);
            if (editorRef.current) {
              insertArticleImage(editorRef.current, { ...image, alt });
              editorRef.current.focus();
            }
          }}
        />
      )}
    </LexicalExtensionComposer>
  );
});

function EditorRef({ target }: { target: React.RefObject<LexicalEditor | null> }) {
  const [editor] = useLexicalComposerContext();
  target.current = editor;
  return null;
}
