/** Insert, edit and remove body links around a remembered selection (the dialog takes focus). */
import { $createLinkNode, $isLinkNode, $toggleLink, type LinkNode } from '@lexical/link';
import { $findMatchingParent } from '@lexical/utils';
import {
  $createRangeSelectionFromDom,
  $createTextNode,
  getDOMSelection,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  type BaseSelection,
  type LexicalEditor,
} from 'lexical';

export interface LinkTarget {
  /** The selection when the dialog opened, restored before applying. */
  selection: BaseSelection | null;
  /** URL of the link at the selection, '' if none. */
  url: string;
}

function $linkAtSelection(): LinkNode | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  const found = $findMatchingParent(selection.anchor.getNode(), $isLinkNode);
  return $isLinkNode(found) ? found : null;
}

/**
 * The selection and link to edit. Call inside a command handler (its selection comes fresh
 * from the DOM: the committed state can lag one selectionchange behind a fast Shift+Arrow) or
 * inside `read()`.
 */
export function $readLinkTarget(editor?: LexicalEditor): LinkTarget {
  // In a keydown command Lexical's selection is the last committed one; the DOM is newer.
  const fromDom = editor ? $createRangeSelectionFromDom(getDOMSelection(window), editor) : null;
  if (fromDom) $setSelection(fromDom);
  const selection = $getSelection();
  return {
    selection: selection ? selection.clone() : null,
    url: $linkAtSelection()?.getURL() ?? '',
  };
}

export function readLinkTarget(editor: LexicalEditor): LinkTarget {
  return editor.getEditorState().read(() => $readLinkTarget(), { editor });
}

/** `url` must already have passed the link policy; null removes the link. */
export function applyLink(editor: LexicalEditor, target: LinkTarget, url: string | null): void {
  editor.update(() => {
    if (target.selection) $setSelection(target.selection.clone());
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    const existing = $linkAtSelection();
    if (selection.isCollapsed()) {
      if (existing && url) existing.setURL(url);
      else if (existing) {
        for (const child of existing.getChildren()) existing.insertBefore(child);
        existing.remove();
      } else if (url) {
        const link = $createLinkNode(url).append($createTextNode(url));
        selection.insertNodes([link]);
      }
      return;
    }
    $toggleLink(url);
  });
  editor.focus();
}
