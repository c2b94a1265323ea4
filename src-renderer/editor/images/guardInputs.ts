/**
 * Keeps the body editor out of the plain inputs inside an image decorator.
 *
 * Lexical listens on its root element, and the decorator's DOM sits inside it, so a keystroke in
 * the caption input would reach Lexical's handlers (Ctrl+Z would undo the body, Ctrl+B bold the
 * body's selection, Backspace with a selected image would delete it). Lexical skips any event it
 * finds marked with `stopLexicalPropagation`; the marking happens on the decorator's own element,
 * before the event bubbles to the root, and the event still reaches React and the input.
 *
 * Undo and redo keys are refused in these inputs: Chromium keeps one native undo stack per
 * document, so Ctrl+Z in the caption would undo native text insertions in the body behind
 * Lexical's back (measured: it removed the paragraph typed last).
 */
import { stopLexicalPropagation } from 'lexical';

const EVENTS = [
  'keydown',
  'keyup',
  'keypress',
  'beforeinput',
  'input',
  'compositionstart',
  'compositionupdate',
  'compositionend',
  'paste',
  'cut',
  'copy',
  'drop',
  'dragstart',
  'dragover',
  'click',
] as const;

const CONTROL = 'input, textarea, select, button, a[href]';

function isUndoOrRedo(event: Event): boolean {
  if (event instanceof KeyboardEvent) {
    const key = event.key.toLowerCase();
    return (event.ctrlKey || event.metaKey) && !event.altKey && (key === 'z' || key === 'y');
  }
  if (event instanceof InputEvent) {
    return event.inputType === 'historyUndo' || event.inputType === 'historyRedo';
  }
  return false;
}

/** Marks events from form controls inside `element` as handled for Lexical; returns the undo. */
export function guardDecoratorInputs(element: HTMLElement): () => void {
  const mark = (event: Event) => {
    const target = event.target;
    if (target instanceof Element && target.closest(CONTROL) && element.contains(target)) {
      stopLexicalPropagation(event);
      if (isUndoOrRedo(event)) event.preventDefault();
    }
  };
  for (const name of EVENTS) element.addEventListener(name, mark);
  return () => {
    for (const name of EVENTS) element.removeEventListener(name, mark);
  };
}
