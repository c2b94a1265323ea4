/**
 * Enter in the kicker, the headline or the teaser goes on to the next field, as a title's Enter
 * does in most editors: kicker, Enter, headline, Enter, teaser, Enter, body. None of them takes a
 * line break: each is published as one line or one paragraph.
 */
import type { KeyboardEvent } from 'react';

/** Enter without modifiers, and not the Enter that ends an IME composition. */
export const isPlainEnter = (e: KeyboardEvent): boolean =>
  e.key === 'Enter' &&
  !e.nativeEvent.isComposing &&
  !e.shiftKey &&
  !e.altKey &&
  !e.ctrlKey &&
  !e.metaKey;

/** Puts the cursor at the end of the canvas's `name` field (`.field--<name>`). */
export function focusField(canvas: HTMLElement | null, name: 'headline' | 'teaser'): void {
  const box = canvas?.querySelector<HTMLInputElement | HTMLTextAreaElement>(
    `.field--${name} textarea, .field--${name} input`,
  );
  if (!box) return;
  box.focus();
  box.setSelectionRange(box.value.length, box.value.length);
}

/** Puts the cursor at the start of the canvas's body, if it is editable. */
export function focusBody(canvas: HTMLElement | null): void {
  const body = canvas?.querySelector<HTMLElement>('.field--body [contenteditable="true"]');
  if (!body) return;
  body.focus();
  const start = document.createRange();
  start.setStart(body, 0);
  start.collapse(true);
  const selection = document.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(start);
}
