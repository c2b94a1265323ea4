/**
 * Formatting buttons; reflects the selection without re-rendering on every keystroke.
 *
 * One tab stop for the whole toolbar (WAI-ARIA's toolbar pattern): Tab from the teaser reaches
 * the body after one stop here, not thirteen. Arrow keys, Home and End move between the buttons;
 * the toolbar remembers the last one; Escape goes back to the body.
 */
import { useEffect, useState, type KeyboardEvent } from 'react';
import {
  Bold,
  Heading2,
  Heading3,
  Image,
  Italic,
  Link,
  List,
  ListOrdered,
  PencilLine,
  Quote,
  Redo2,
  Undo2,
  type LucideIcon,
} from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $getSelection,
  $isRangeSelection,
  FORMAT_TEXT_COMMAND,
  type LexicalEditor,
  REDO_COMMAND,
  UNDO_COMMAND,
} from 'lexical';
import { $selectedBlockKind, type BlockKind, setBlockKind } from './blocks';
import { keyLabel } from '../i18n/format';
import { SHORTCUT_TABLE } from './shortcuts';

const suggestKeys = SHORTCUT_TABLE.find((s) => s.id === 'suggest')?.keys[0] ?? '';

interface Active {
  bold: boolean;
  italic: boolean;
  block: BlockKind;
}

function readActive(editor: LexicalEditor): Active {
  return editor.getEditorState().read(
    () => {
      const selection = $getSelection();
      const range = $isRangeSelection(selection) ? selection : null;
      return {
        bold: !!range?.hasFormat('bold'),
        italic: !!range?.hasFormat('italic'),
        block: $selectedBlockKind(),
      };
    },
    { editor },
  );
}

export function Toolbar({
  onLink,
  onImage,
  suggest,
}: {
  onLink: (editor: LexicalEditor) => void;
  onImage?: (editor: LexicalEditor) => void;
  /** Suggestion mode's toggle; absent where the user may not suggest (read only). */
  suggest?: { on: boolean; onToggle: () => void };
}) {
  const { t, i18n } = useTranslation();
  const [editor] = useLexicalComposerContext();
  const [active, setActive] = useState<Active>({ bold: false, italic: false, block: 'paragraph' });

  useEffect(
    () =>
      editor.registerUpdateListener(() => {
        const next = readActive(editor);
        setActive((prev) =>
          prev.bold === next.bold && prev.italic === next.italic && prev.block === next.block
            ? prev
            : next,
        );
      }),
    [editor],
  );

  // The button Tab lands on: the last one used, else the first.
  const [current, setCurrent] = useState('bold');
  const gone = (current === 'image' && !onImage) || (current === 'suggest' && !suggest);
  const tabStop = gone ? 'bold' : current;

  // Buttons keep the focus (and the selection) in the body.
  const keep = (e: React.MouseEvent) => e.preventDefault();
  const block = (kind: Exclude<BlockKind, 'other'>) => () => setBlockKind(editor, kind);
  const button = (
    key: string,
    label: string,
    onClick: () => void,
    pressed: boolean | undefined,
    Icon: LucideIcon,
  ) => (
    <button
      key={key}
      type="button"
      className={`toolbar__button toolbar__button--${key}`}
      data-key={key}
      tabIndex={key === tabStop ? 0 : -1}
      onFocus={() => setCurrent(key)}
      aria-label={label}
      title={label}
      aria-pressed={pressed}
      onMouseDown={keep}
      onClick={onClick}
    >
      <Icon aria-hidden size={18} strokeWidth={2} />
    </button>
  );

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      editor.focus();
      return;
    }
    const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('button[data-key]')];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    const to =
      e.key === 'ArrowRight'
        ? (at + 1) % buttons.length
        : e.key === 'ArrowLeft'
          ? (at - 1 + buttons.length) % buttons.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? buttons.length - 1
              : -1;
    if (to < 0) return;
    e.preventDefault();
    buttons[to]?.focus();
  };

  return (
    <div
      className="toolbar"
      role="toolbar"
      aria-label={t('editor.toolbar.label')}
      onKeyDown={onKeyDown}
    >
      {button(
        'bold',
        t('editor.toolbar.bold'),
        () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold'),
        active.bold,
        Bold,
      )}
      {button(
        'italic',
        t('editor.toolbar.italic'),
        () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic'),
        active.italic,
        Italic,
      )}
      {button('h2', t('editor.toolbar.h2'), block('h2'), active.block === 'h2', Heading2)}
      {button('h3', t('editor.toolbar.h3'), block('h3'), active.block === 'h3', Heading3)}
      {button(
        'bullet',
        t('editor.toolbar.bullet'),
        block('bullet'),
        active.block === 'bullet',
        List,
      )}
      {button(
        'number',
        t('editor.toolbar.number'),
        block('number'),
        active.block === 'number',
        ListOrdered,
      )}
      {button('quote', t('editor.toolbar.quote'), block('quote'), active.block === 'quote', Quote)}
      {button('link', t('editor.toolbar.link'), () => onLink(editor), undefined, Link)}
      {onImage &&
        button('image', t('articleImages.insert'), () => onImage(editor), undefined, Image)}
      {button(
        'undo',
        t('editor.toolbar.undo'),
        () => editor.dispatchCommand(UNDO_COMMAND, undefined),
        undefined,
        Undo2,
      )}
      {button(
        'redo',
        t('editor.toolbar.redo'),
        () => editor.dispatchCommand(REDO_COMMAND, undefined),
        undefined,
        Redo2,
      )}
      {suggest && (
        <>
          {button(
            'suggest',
            `${t('suggestTyping.toggle')} (${keyLabel(suggestKeys, i18n.language)})`,
            suggest.onToggle,
            suggest.on,
            PencilLine,
          )}
          {suggest.on && (
            <span className="toolbar__suggesting" role="status" title={t('suggestTyping.onHint')}>
              <PencilLine aria-hidden size={14} strokeWidth={2} />
              {t('suggestTyping.on')}
            </span>
          )}
        </>
      )}
    </div>
  );
}
