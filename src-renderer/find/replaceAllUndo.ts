/**
 * Taking back a "Replace all" in one step. It changes the body (one undo step in the body's
 * history) and the text fields (each an input of its own, outside that history), so Ctrl+Z in
 * the body alone would leave the fields replaced. The find bar keeps what the replace did and
 * undoes both, but only while nothing has happened since: a later step in the body's history
 * or a field edited after the replace makes it refuse rather than undo something else.
 */
import { getExtensionDependencyFromEditor } from '@lexical/extension';
import { HistoryExtension, type HistoryState } from '@lexical/history';
import { UNDO_COMMAND, type LexicalEditor } from 'lexical';
import type { FindableFields } from './fields';

/** The body's undo history at one moment: its last step and how many steps it held. */
export interface HistoryMark {
  top: unknown;
  depth: number;
}

export interface ReplaceAllRecord {
  /** The history right after the body's replacements; null when the body had no match. */
  body: HistoryMark | null;
  /** The replaced fields' values before and after. */
  fieldsBefore: Partial<FindableFields>;
  fieldsAfter: Partial<FindableFields>;
}

function historyOf(editor: LexicalEditor): HistoryState {
  return getExtensionDependencyFromEditor(editor, HistoryExtension).output.historyState.value;
}

export function historyMark(editor: LexicalEditor): HistoryMark {
  const { undoStack } = historyOf(editor);
  return { top: undoStack[undoStack.length - 1] ?? null, depth: undoStack.length };
}

/** Whether the replace is still the last thing that happened to the body and the fields. */
function canUndoReplaceAll(
  editor: LexicalEditor,
  record: ReplaceAllRecord,
  fields: FindableFields,
): boolean {
  if (record.body) {
    const now = historyMark(editor);
    if (now.top !== record.body.top || now.depth !== record.body.depth) return false;
  }
  return (Object.keys(record.fieldsAfter) as (keyof FindableFields)[]).every(
    (k) => fields[k] === record.fieldsAfter[k],
  );
}

/**
 * Undoes the replace in the body (its one history step) and gives back the fields' old values
 * through `setFields`; false, changing nothing, when something happened since.
 */
export function undoReplaceAll(
  editor: LexicalEditor,
  record: ReplaceAllRecord,
  fields: FindableFields,
  setFields: (patch: Partial<FindableFields>) => void,
): boolean {
  if (!canUndoReplaceAll(editor, record, fields)) return false;
  if (record.body) editor.dispatchCommand(UNDO_COMMAND, undefined);
  if (Object.keys(record.fieldsBefore).length > 0) setFields(record.fieldsBefore);
  return true;
}
