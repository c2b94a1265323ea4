/**
 * Paste in the body: the shared paste policy (src-shared/richtext/paste.ts) cleans every rich
 * paste; on top of it, Word's list paragraphs become real lists, Ctrl/Cmd+Shift+V pastes plain
 * text, and an oversized HTML clipboard (Lexical gets slow on huge pastes) falls back to plain
 * text.
 */
import { $insertDataTransferForRichText } from '@lexical/clipboard';
import {
  $getSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_HIGH,
  KEY_DOWN_COMMAND,
  type LexicalEditor,
  mergeRegister,
  PASTE_COMMAND,
} from 'lexical';
import { registerPasteSanitizer } from '../../src-shared/richtext/paste';
import { convertWordLists, hasWordLists } from '../../src-shared/richtext/wordLists';
import { isPlainPasteKey } from './shortcuts';

/** Larger HTML clipboards are pasted as plain text. */
export const MAX_HTML_PASTE_CHARS = 1_000_000;
/** How long after Ctrl/Cmd+Shift+V the next paste counts as "plain". */
const PLAIN_WINDOW_MS = 1000;

export function registerArticlePaste(editor: LexicalEditor): () => void {
  let plainUntil = 0;
  return mergeRegister(
    registerPasteSanitizer(editor),
    editor.registerCommand(
      KEY_DOWN_COMMAND,
      (event) => {
        if (isPlainPasteKey(event)) plainUntil = performance.now() + PLAIN_WINDOW_MS;
        return false; // the browser (or Electron's menu) still fires the paste event
      },
      COMMAND_PRIORITY_HIGH,
    ),
    editor.registerCommand(
      PASTE_COMMAND,
      (event) => {
        const data = 'clipboardData' in event ? event.clipboardData : null;
        if (!data) return false;
        const text = data.getData('text/plain');
        const html = data.getData('text/html');
        if (!text && !html) return false; // nothing to paste (e.g. files): leave it to Lexical
        const plain = performance.now() < plainUntil;
        plainUntil = 0;
        if (!plain && html.length <= MAX_HTML_PASTE_CHARS && hasWordLists(html)) {
          event.preventDefault();
          const doc = new DOMParser().parseFromString(html, 'text/html');
          convertWordLists(doc.body);
          const converted = new DataTransfer();
          converted.setData('text/html', doc.body.innerHTML);
          converted.setData('text/plain', text);
          editor.update(() => {
            const selection = $getSelection();
            if ($isRangeSelection(selection))
              $insertDataTransferForRichText(converted, selection, editor);
          });
          return true;
        }
        if (!plain && html.length <= MAX_HTML_PASTE_CHARS) return false;
        event.preventDefault();
        editor.update(() => {
          const selection = $getSelection();
          if (!$isRangeSelection(selection) || !text) return;
          const only = new DataTransfer();
          only.setData('text/plain', text);
          $insertDataTransferForRichText(only, selection);
        });
        return true;
      },
      COMMAND_PRIORITY_HIGH,
    ),
  );
}
