/**
 * The stored body as the editor loads it: at least one paragraph (an empty root cannot take
 * the caret) and a valid, unique block id on every block. `changed` says the stored copy lacked
 * ids, so the editor saves the repaired body once.
 */
import { ensureBlockIdsJson } from '../../src-shared/richtext/blockIds';
import type { BodyJson } from '../../src-shared/model';

export function prepareBody(stored: BodyJson): { body: BodyJson; changed: boolean } {
  const children = stored.root.children;
  const withParagraph: BodyJson =
    children.length > 0
      ? stored
      : {
          ...stored,
          root: {
            ...stored.root,
            children: [
              {
                type: 'paragraph',
                version: 1,
                children: [],
                direction: null,
                format: '',
                indent: 0,
                textFormat: 0,
                textStyle: '',
              },
            ],
          },
        };
  const body = ensureBlockIdsJson(withParagraph);
  // An empty stored body only gains a placeholder paragraph: nothing worth a revision yet.
  const changed =
    children.length > 0 && body.root.children.some((block, i) => block !== children[i]);
  return { body, changed };
}
