/**
 * The React view of an inline `article-image` node: the image (web rendition), a plain input for
 * the per-use caption, and the credit from the image library (read-only here; a warning and a
 * way to the library when it is missing). Not a nested editor: nested editors break selection
 * and history.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useLexicalNodeSelection } from '@lexical/react/useLexicalNodeSelection';
import {
  $createNodeSelection,
  $getNodeByKey,
  $setSelection,
  HISTORY_MERGE_TAG,
  type LexicalEditor,
  type NodeKey,
} from 'lexical';
import {
  $isArticleImageNode,
  type ArticleImageFields,
  type ArticleImageNode,
} from '../../../src-shared/richtext/imageNode';
import { useRendition } from '../../images/useThumbnail';
import { useUi } from '../../state/ui';
import { guardDecoratorInputs } from './guardInputs';
import { useImageRecord } from './records';

/** Tag of the update that copies the library's credit onto the node (saved, not an undo step). */
export const CREDIT_SYNC_TAG = 'copydesk-credit-sync';

function updateImage(
  editor: LexicalEditor,
  key: NodeKey,
  fields: Partial<ArticleImageFields>,
  tags?: string[],
): void {
  editor.update(
    () => {
      const node = $getNodeByKey(key);
      if ($isArticleImageNode(node)) node.setFields(fields);
    },
    tags ? { tag: tags } : undefined,
  );
}

/** The caption as typed; follows the node (undo, redo) while the input is not being edited. */
function useCaption(nodeCaption: string, input: React.RefObject<HTMLInputElement | null>) {
  const [caption, setCaption] = useState(nodeCaption);
  useEffect(() => {
    if (document.activeElement !== input.current) setCaption(nodeCaption);
  }, [nodeCaption, input]);
  return [caption, setCaption] as const;
}

export function ArticleImageView({
  nodeKey,
  fields,
}: {
  nodeKey: NodeKey;
  fields: ArticleImageFields;
}) {
  const { t } = useTranslation();
  const [editor] = useLexicalComposerContext();
  const [selected] = useLexicalNodeSelection(nodeKey);
  const record = useImageRecord(fields.imageId || null);
  const { url, failed } = useRendition(fields.imageId || null, 'web');
  const root = useRef<HTMLElement>(null);
  const captionInput = useRef<HTMLInputElement>(null);
  const [caption, setCaption] = useCaption(fields.caption, captionInput);
  const captionId = useId();
  const creditId = useId();
  const setView = useUi((s) => s.setView);

  useEffect(() => (root.current ? guardDecoratorInputs(root.current) : undefined), []);

  // The node keeps a copy of the library's credit for the published page; keep it current.
  // The first credit seen (the record loading as the article opens) is a repair, not a save:
  // opening an article never writes. A change while it is open is saved.
  const libraryCredit = record?.credit;
  const creditSeen = useRef(false);
  useEffect(() => {
    if (libraryCredit === undefined) return;
    const first = !creditSeen.current;
    creditSeen.current = true;
    if (libraryCredit !== fields.credit) {
      const tags = first ? [HISTORY_MERGE_TAG] : [HISTORY_MERGE_TAG, CREDIT_SYNC_TAG];
      updateImage(editor, nodeKey, { credit: libraryCredit }, tags);
    }
  }, [editor, nodeKey, libraryCredit, fields.credit]);

  const select = () =>
    editor.update(() => {
      const selection = $createNodeSelection();
      selection.add(nodeKey);
      $setSelection(selection);
    });

  const credit = (libraryCredit ?? fields.credit).trim();
  const name = record?.fileName ?? fields.imageId;
  return (
    <figure
      ref={root}
      className={`article-image__figure${selected ? ' article-image__figure--selected' : ''}`}
      data-testid="article-image"
      data-image-id={fields.imageId}
      aria-label={t('articleImages.inline.label', { name: caption || name })}
    >
      <div className="article-image__frame" onClick={select}>
        {url ? (
          <img
            src={url}
            alt={fields.alt || record?.alt || ''}
            width={fields.width || undefined}
            height={fields.height || undefined}
            draggable={false}
          />
        ) : (
          <span className="article-image__placeholder">
            {failed || record === null || !fields.imageId
              ? t('articleImages.inline.unavailable')
              : '…'}
          </span>
        )}
      </div>
      <figcaption className="article-image__caption">
        <label htmlFor={captionId}>{t('articleImages.caption')}</label>
        <input
          ref={captionInput}
          id={captionId}
          type="text"
          value={caption}
          maxLength={1000}
          aria-describedby={creditId}
          placeholder={record?.caption || t('articleImages.captionPlaceholder')}
          onChange={(e) => {
            setCaption(e.target.value);
            updateImage(editor, nodeKey, { caption: e.target.value });
          }}
          onBlur={() => setCaption(fields.caption)}
        />
        <p id={creditId} className="article-image__credit">
          {credit ? (
            <span>{t('articleImages.credit', { credit })}</span>
          ) : record === undefined ? null : (
            <>
              <span className="badge badge--warn" role="status">
                {t('articleImages.noCredit')}
              </span>{' '}
              <button type="button" className="link-button" onClick={() => setView('images')}>
                {t('articleImages.fixInLibrary')}
              </button>
            </>
          )}
        </p>
      </figcaption>
    </figure>
  );
}

/** The decorator registered for the body editor's image nodes. */
export function decorateArticleImage(node: ArticleImageNode): React.JSX.Element {
  return <ArticleImageView nodeKey={node.getKey()} fields={node.getFields()} />;
}
