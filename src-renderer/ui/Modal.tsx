/**
 * Every dialog of the app: a native <dialog> opened with showModal(), so the rest of the page is
 * inert and out of the accessibility tree. Focus moves in on open (to the element marked
 * `data-autofocus`, else the first control), Tab and Shift+Tab wrap inside, Esc and a click on
 * the backdrop close, and focus returns to where it was when the dialog closes.
 */
import { useEffect, useRef, type FormEventHandler, type ReactNode } from 'react';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]):not([hidden]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';

function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => el.getClientRects().length > 0,
  );
}

/** True while any modal dialog is open (app-wide shortcuts stand still then). */
export function modalOpen(): boolean {
  return document.querySelector('dialog[open]') !== null;
}

export function Modal({
  label,
  onClose,
  className,
  children,
  onSubmit,
}: {
  /** The dialog's accessible name. */
  label: string;
  onClose: () => void;
  className?: string;
  children: ReactNode;
  /** Makes the dialog a form (Enter submits). */
  onSubmit?: FormEventHandler<HTMLFormElement>;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const closeRef = useRef(onClose);
  closeRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const previous = document.activeElement;
    if (!dialog.open) dialog.showModal();
    const focusFirst = () => {
      // A text selection left behind in the page (the body editor restores its own after a
      // command) would take the typed characters from the focused field, into the inert page.
      const selection = document.getSelection();
      if (selection?.anchorNode && !dialog.contains(selection.anchorNode))
        selection.removeAllRanges();
      if (dialog.contains(document.activeElement) && document.activeElement !== dialog) return;
      const first = dialog.querySelector<HTMLElement>('[data-autofocus]') ?? focusables(dialog)[0];
      first?.focus();
    };
    focusFirst();
    const frame = requestAnimationFrame(focusFirst);
    return () => {
      cancelAnimationFrame(frame);
      if (dialog.open) dialog.close();
      if (previous instanceof HTMLElement && previous.isConnected)
        previous.focus({ preventScroll: true });
    };
  }, []);

  const onKeyDown = (e: React.KeyboardEvent<HTMLDialogElement>) => {
    if (e.key === 'Escape') {
      // Handled here (not by the native cancel) so the owner decides what closing means.
      e.preventDefault();
      e.stopPropagation();
      closeRef.current();
    } else if (e.key === 'Tab') {
      const items = focusables(e.currentTarget);
      if (items.length === 0) return;
      const first = items[0]!;
      const last = items[items.length - 1]!;
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first.focus();
      }
    }
    e.stopPropagation();
  };

  const body = onSubmit ? (
    <form className="modal__body" method="dialog" onSubmit={onSubmit}>
      {children}
    </form>
  ) : (
    <div className="modal__body">{children}</div>
  );

  return (
    <dialog
      ref={ref}
      className={`modal${className ? ` ${className}` : ''}`}
      aria-label={label}
      onCancel={(e) => {
        e.preventDefault();
        closeRef.current();
      }}
      onKeyDown={onKeyDown}
      onMouseDown={(e) => e.target === e.currentTarget && closeRef.current()}
    >
      {body}
    </dialog>
  );
}
