/**
 * Suggestion mode in the body editor: takes Lexical's text-input, deletion, cut, paste, Enter and
 * format commands before the rich-text handlers and turns them into suggestions (suggestEdits.ts).
 * Registered only while the article is in suggestion mode. Typing normally goes through the
 * browser's own DOM edit, which Lexical reads back afterwards; here `beforeinput` is cancelled
 * and the text inserted by the editor, so it lands in a suggestion node.
 */
import { copyToClipboard } from '@lexical/clipboard';
import {
  $getSelection,
  $isRangeSelection,
  BEFORE_INPUT_COMMAND,
  COMMAND_PRIORITY_CRITICAL,
  CONTROLLED_TEXT_INSERTION_COMMAND,
  CUT_COMMAND,
  DELETE_CHARACTER_COMMAND,
  DELETE_LINE_COMMAND,
  DELETE_WORD_COMMAND,
  FORMAT_TEXT_COMMAND,
  INSERT_LINE_BREAK_COMMAND,
  INSERT_PARAGRAPH_COMMAND,
  type LexicalCommand,
  type LexicalEditor,
  mergeRegister,
  PASTE_COMMAND,
  REMOVE_TEXT_COMMAND,
} from 'lexical';
import {
  $suggestDelete,
  $suggestDeleteSelection,
  $suggestFormat,
  $suggestInsertPlainText,
  $suggestInsertText,
  $suggestParagraph,
  type SuggestContext,
} from './suggestEdits';

const LINE_BREAKS = new Set(['\n', '\n\n']);

function textOf(payload: string | InputEvent): string {
  if (typeof payload === 'string') return payload;
  return payload.dataTransfer?.getData('text/plain') ?? payload.data ?? '';
}

export function registerSuggestTyping(editor: LexicalEditor, ctx: SuggestContext): () => void {
  const on = <P>(command: LexicalCommand<P>, fn: (payload: P) => boolean) =>
    editor.registerCommand(command, fn, COMMAND_PRIORITY_CRITICAL);
  return mergeRegister(
    on(BEFORE_INPUT_COMMAND, (event) => {
      // Composition (IME, dead keys) stays with the browser and Lexical: its text is plain.
      if (event.inputType !== 'insertText' || editor.isComposing()) return false;
      const data = event.data;
      if (data === null || LINE_BREAKS.has(data)) return false;
      event.preventDefault();
      return $suggestInsertText(data, ctx);
    }),
    on(CONTROLLED_TEXT_INSERTION_COMMAND, (payload) =>
      $suggestInsertPlainText(textOf(payload), ctx),
    ),
    on(DELETE_CHARACTER_COMMAND, (isBackward) => $suggestDelete(isBackward, 'character', ctx)),
    on(DELETE_WORD_COMMAND, (isBackward) => $suggestDelete(isBackward, 'word', ctx)),
    on(DELETE_LINE_COMMAND, (isBackward) => $suggestDelete(isBackward, 'line', ctx)),
    on(REMOVE_TEXT_COMMAND, () => {
      const selection = $getSelection();
      return $isRangeSelection(selection) && $suggestDeleteSelection(selection, 'start', ctx);
    }),
    on(CUT_COMMAND, (event) => {
      const clipboard = event instanceof ClipboardEvent ? event : null;
      void copyToClipboard(editor, clipboard).then(() =>
        editor.update(() => {
          const selection = $getSelection();
          if ($isRangeSelection(selection)) $suggestDeleteSelection(selection, 'start', ctx);
        }),
      );
      return true;
    }),
    on(PASTE_COMMAND, (event) => {
      // Pasted formatting, images and links are not suggestable: the text is what is suggested.
      const data =
        'clipboardData' in event
          ? event.clipboardData
          : 'dataTransfer' in event
            ? event.dataTransfer
            : null;
      event.preventDefault();
      const text = data?.getData('text/plain') ?? '';
      if (text !== '') $suggestInsertPlainText(text, ctx);
      return true;
    }),
    on(INSERT_PARAGRAPH_COMMAND, () => $suggestParagraph(ctx)),
    on(INSERT_LINE_BREAK_COMMAND, () => $suggestParagraph(ctx)),
    on(FORMAT_TEXT_COMMAND, (format) => $suggestFormat(format, ctx)),
  );
}
