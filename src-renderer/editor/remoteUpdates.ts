/**
 * The RemoteMerger (remoteMerger.ts) of the article open in the editor, wired to the core's
 * events, the DesktopApi and the Lexical editor.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { LexicalEditor } from 'lexical';
import type { Article, ArticleFields, BodyJson } from '../../src-shared/model';
import { api } from '../api/transport';
import { useCoreEvents } from '../api/events';
import { RemoteMerger, type RemoteState } from './remoteMerger';
import { replaceBody } from './replaceBody';

export type { RemoteChange, RemoteState } from './remoteMerger';

/** The RemoteMerger of one open article, wired to core events and the editor. */
export function useRemoteUpdates({
  article,
  fields,
  editor,
  applyFields,
}: {
  article: Article;
  fields: ArticleFields;
  editor: React.RefObject<LexicalEditor | null>;
  applyFields: (values: Partial<ArticleFields>) => void;
}): { merger: RemoteMerger; state: RemoteState } {
  const [state, setState] = useState<RemoteState>({ pending: null, merging: false, error: null });
  const fieldsRef = useRef(fields);
  fieldsRef.current = fields;
  const applyRef = useRef(applyFields);
  applyRef.current = applyFields;
  const merger = useMemo(
    () =>
      new RemoteMerger({
        article,
        get: () => api['articles.get']({ id: article.id }),
        send: (request) => api['articles.save']({ id: article.id, ...request }),
        readBody: () => (editor.current?.getEditorState().toJSON() ?? article.body) as BodyJson,
        readFields: () => fieldsRef.current,
        applyFields: (values) => applyRef.current(values),
        applyBody: (body) => {
          if (editor.current) replaceBody(editor.current, body);
        },
        onState: setState,
      }),
    // One merger per loaded article (the form remounts when a revision is restored).
    [article, editor],
  );
  useEffect(() => {
    merger.open();
    return () => merger.close();
  }, [merger]);
  useCoreEvents((e) => {
    if (e.type === 'article.updated' && e.id === article.id) merger.changed(e);
  });
  return { merger, state };
}
