/**
 * The stored body as the editor loads it: at least one paragraph (an empty root cannot take
 * the caret) and a valid, unique block id on every block. Nothing is saved for this: the repair
 * goes to the store with the next real edit.
 */
import { ensureBlockIdsJson } from '../../src-shared/richtext/blockIds';
import type { BodyJson } from '../../src-shared/model';

export function prepareBody(stored: BodyJson): { body: BodyJson } {
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
  return { body: ensureBlockIdsJson(withParagraph) };
}
