/**
 * Undoing a body decision with the editor's history (Ctrl+Z) is noticed, and so is redoing it;
 * a history step that brings back only some of a decision's suggestions is neither.
 */
import { REDO_COMMAND, UNDO_COMMAND, type LexicalCommand, type LexicalEditor } from 'lexical';
import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { describe, expect, it } from 'vitest';
import { body, paragraph, suggestion, text } from '../../src-shared/richtext/builders';
import { createArticleHeadlessEditor, parseBody } from '../../src-shared/richtext/headless';
import { resolveInEditor } from './resolveLive';
import { watchBodyDecisions } from './bodyDecisionUndo';

function setup() {
  const editor = createArticleHeadlessEditor();
  // History first, so the loaded body is the first step it can go back to.
  const offHistory = registerHistory(editor, createEmptyHistoryState(), 0);
  editor.setEditorState(
    parseBody(
      body(
        paragraph(
          [
            text('Der Rat '),
            suggestion('tagte', { kind: 'delete', author: 'chief', id: 's1' }),
            suggestion('beschloss', { kind: 'insert', author: 'chief', id: 's2' }),
          ],
          'p1',
        ),
        paragraph([suggestion('Zusatz.', { kind: 'insert', author: 'jonas', id: 's3' })], 'p2'),
      ),
      editor,
    ),
  );
  const seen: [string, boolean][] = [];
  const watch = watchBodyDecisions<string>(editor, (d, undone) => seen.push([d.record, undone]));
  return { editor, seen, watch, dispose: () => (watch.dispose(), offHistory()) };
}

const step = (editor: LexicalEditor, command: LexicalCommand<void>) => {
  editor.dispatchCommand(command, undefined);
  // Listeners run after the update commits.
  editor.update(() => undefined, { discrete: true });
};

describe('watchBodyDecisions', () => {
  it('reports an undo of an accept and its redo, once each', () => {
    const { editor, seen, watch, dispose } = setup();
    resolveInEditor(editor, { ids: ['s1', 's2'] }, 'accept');
    watch.track({ ids: ['s1', 's2'], record: 'accept chief' });
    expect(seen).toEqual([]);
    step(editor, UNDO_COMMAND);
    expect(seen).toEqual([['accept chief', true]]);
    step(editor, REDO_COMMAND);
    expect(seen).toEqual([
      ['accept chief', true],
      ['accept chief', false],
    ]);
    dispose();
  });

  it('tells two decisions apart: undoing the later one leaves the earlier standing', () => {
    const { editor, seen, watch, dispose } = setup();
    resolveInEditor(editor, { ids: ['s3'] }, 'reject');
    watch.track({ ids: ['s3'], record: 'reject jonas' });
    resolveInEditor(editor, { ids: ['s1', 's2'] }, 'reject');
    watch.track({ ids: ['s1', 's2'], record: 'reject chief' });
    step(editor, UNDO_COMMAND);
    expect(seen).toEqual([['reject chief', true]]);
    step(editor, UNDO_COMMAND);
    expect(seen).toEqual([
      ['reject chief', true],
      ['reject jonas', true],
    ]);
    dispose();
  });

  it('ignores history steps of decisions it does not track', () => {
    const { editor, seen, watch, dispose } = setup();
    resolveInEditor(editor, { ids: ['s3'] }, 'accept');
    step(editor, UNDO_COMMAND);
    watch.track({ ids: [], record: 'nothing' });
    expect(seen).toEqual([]);
    dispose();
  });
});
