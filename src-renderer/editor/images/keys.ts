/**
 * Backspace and Delete next to an image: the first press selects the image (it shows as
 * selected), the second deletes it. Lexical 0.52 deletes a block decorator at once when the
 * caret is at the edge of a non-empty neighbour, which makes it too easy to lose an image
 * without noticing. Empty neighbours keep Lexical's own behaviour (remove the empty paragraph,
 * select the image).
 */
import {
  $createNodeSelection,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $isTextNode,
  $setSelection,
  COMMAND_PRIORITY_HIGH,
  DELETE_CHARACTER_COMMAND,
  type ElementNode,
  type LexicalEditor,
  type PointType,
} from 'lexical';
import { $isArticleImageNode } from '../../../src-shared/richtext/imageNode';

function atEdge(point: PointType, block: ElementNode, start: boolean): boolean {
  const node = point.getNode();
  if (point.type === 'element') {
    if (!$isElementNode(node)) return false;
    const edge = start ? block.getFirstDescendant() : block.getLastDescendant();
    if (node.is(block) || (edge && node.is(edge))) {
      return start ? point.offset === 0 : point.offset === node.getChildrenSize();
    }
    return false;
  }
  if (!$isTextNode(node)) return false;
  const edge = start ? block.getFirstDescendant() : block.getLastDescendant();
  if (!edge || !node.is(edge)) return false;
  return start ? point.offset === 0 : point.offset === node.getTextContentSize();
}

export function registerImageKeys(editor: LexicalEditor): () => void {
  return editor.registerCommand(
    DELETE_CHARACTER_COMMAND,
    (isBackward) => {
      const selection = $getSelection();
      if (!$isRangeSelection(selection) || !selection.isCollapsed()) return false;
      const block = selection.anchor.getNode().getTopLevelElement();
      if (!$isElementNode(block) || block.isEmpty()) return false;
      const neighbour = isBackward ? block.getPreviousSibling() : block.getNextSibling();
      if (!$isArticleImageNode(neighbour)) return false;
      if (!atEdge(selection.anchor, block, isBackward)) return false;
      const select = $createNodeSelection();
      select.add(neighbour.getKey());
      $setSelection(select);
      return true;
    },
    COMMAND_PRIORITY_HIGH,
  );
}
