/** Inserting a library image into the body as a block-level `article-image` node. */
import {
  $createParagraphNode,
  $getNodeByKey,
  $isTextNode,
  $setSelection,
  type BaseSelection,
  type PointType,
  $getRoot,
  $getSelection,
  $insertNodes,
  $isElementNode,
  $isRangeSelection,
  $isRootOrShadowRoot,
  type LexicalEditor,
} from 'lexical';
import type { Image } from '../../../src-shared/model';
import { $createArticleImageNode } from '../../../src-shared/richtext/imageNode';

/** Whether a point saved earlier still names a node and an offset inside it. */
function $pointAlive(point: PointType): boolean {
  const node = $getNodeByKey(point.key);
  if (!node) return false;
  const size = $isTextNode(node)
    ? node.getTextContentSize()
    : $isElementNode(node)
      ? node.getChildrenSize()
      : 0;
  return point.offset <= size;
}

/**
 * Inserts `image` at `at` (a selection saved when a file was dropped or pasted, used while its
 * nodes still exist), else at the selection (splitting the paragraph there) or, without a selection, at
 * the end. A paragraph always follows the image so the caret can go on below it; the caret ends
 * up there.
 */
export function insertArticleImage(
  editor: LexicalEditor,
  image: Image,
  at?: BaseSelection | null,
): void {
  editor.update(() => {
    if ($isRangeSelection(at) && $pointAlive(at.anchor) && $pointAlive(at.focus))
      $setSelection(at.clone());
    const node = $createArticleImageNode({
      imageId: image.id,
      alt: image.alt,
      caption: image.caption,
      credit: image.credit,
      width: image.width,
      height: image.height,
    });
    const selection = $getSelection();
    if ($isRangeSelection(selection)) {
      $insertNodes([node]);
    } else {
      $getRoot().append(node);
    }
    const parent = node.getParent();
    if (parent && !$isRootOrShadowRoot(parent)) {
      // Inside a list item or quote: images stay top-level blocks.
      const top = node.getTopLevelElementOrThrow();
      top.insertAfter(node);
    }
    let next = node.getNextSibling();
    if (!$isElementNode(next)) {
      next = $createParagraphNode();
      node.insertAfter(next);
    }
    next.selectStart();
  });
}
