/**
 * Each suggestion in the author's colour, with a tooltip naming who suggested it and when. The
 * stored JSON is not touched: a mutation listener sets `--suggestion-hue` (read by the CSS) and
 * `title` on the node's DOM after Lexical created or updated it.
 */
import { $getNearestNodeFromDOMNode, $getNodeByKey, type LexicalEditor } from 'lexical';
import { SuggestionNode } from '../../src-shared/richtext/suggestionNode';
import { authorHue } from './authorColour';
import type { SuggestionFields } from '../../src-shared/richtext/suggestionFields';

/** The tooltip text for one suggestion (translated by the caller). */
export type SuggestionTitle = (fields: SuggestionFields) => string;

export function registerSuggestionColours(
  editor: LexicalEditor,
  title: SuggestionTitle,
): () => void {
  // Typing in suggestion mode updates the same node at every key: its tooltip (a translation
  // and a date format) is made once per kind, author and time, not per key.
  const titles = new Map<string, string>();
  const titleOf = (fields: SuggestionFields): string => {
    const key = `${fields.kind}\n${fields.author}\n${fields.at}`;
    let text = titles.get(key);
    if (text === undefined) {
      text = title(fields);
      titles.set(key, text);
    }
    return text;
  };
  const paint = (dom: HTMLElement, node: SuggestionNode) => {
    const fields = node.getSuggestion();
    const hue = String(authorHue(fields.author));
    if (dom.style.getPropertyValue('--suggestion-hue') !== hue) {
      dom.style.setProperty('--suggestion-hue', hue);
    }
    const text = titleOf(fields);
    if (dom.title !== text) dom.title = text;
  };
  const stop = editor.registerMutationListener(
    SuggestionNode,
    (mutations) => {
      editor.getEditorState().read(
        () => {
          for (const [key, mutation] of mutations) {
            if (mutation === 'destroyed') continue;
            const dom = editor.getElementByKey(key);
            const node = $getNodeByKey(key);
            if (dom && node instanceof SuggestionNode) paint(dom, node);
          }
        },
        { editor },
      );
    },
    // Lexical's own initialisation sorts every node of the state by type first (several ms on the
    // 1,000-paragraph article, before the body is editable); the suggestions already on screen
    // are found in the DOM instead, which is what they are painted on anyway.
    { skipInitialization: true },
  );
  const shown = editor.getRootElement()?.querySelectorAll<HTMLElement>('[data-suggestion-id]');
  if (shown?.length) {
    editor.getEditorState().read(
      () => {
        for (const dom of shown) {
          const node = $getNearestNodeFromDOMNode(dom);
          if (node instanceof SuggestionNode) paint(dom, node);
        }
      },
      { editor },
    );
  }
  return stop;
}
