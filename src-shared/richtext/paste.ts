/**
 * Paste policy: what survives when HTML (or another editor's JSON) is pasted into an article.
 * Lexical first turns the clipboard into nodes of the registered classes; this then
 *  - unwraps element nodes outside the article schema and drops other foreign nodes,
 *  - clears inline CSS, alignment and indentation, and text formats the site does not show,
 *  - clamps headings to h2–h4, turns check lists into bullet lists,
 *  - unwraps links that fail the link policy and resets target/rel/title of the others.
 * Block ids are left to the block-id repair transform (a pasted copy gets a fresh id).
 *
 * Use in the renderer: `registerPasteSanitizer(editor)` (returns the unregister function), or
 * call `$sanitizeImportedNodes(nodes)` yourself inside an update.
 */
import { $isLinkNode, type LinkNode } from '@lexical/link';
import { $isListItemNode, $isListNode } from '@lexical/list';
import { $isHeadingNode } from '@lexical/rich-text';
import {
  $isElementNode,
  $isTextNode,
  COMMAND_PRIORITY_CRITICAL,
  type ElementNode,
  IS_BOLD,
  IS_CODE,
  IS_ITALIC,
  IS_STRIKETHROUGH,
  IS_SUBSCRIPT,
  IS_SUPERSCRIPT,
  IS_UNDERLINE,
  type LexicalEditor,
  type LexicalNode,
  SELECTION_INSERT_CLIPBOARD_NODES_COMMAND,
} from 'lexical';
import { checkLinkUrl } from '../model/url';
import { ARTICLE_NODE_TYPES, clampHeadingTag } from './nodes';

const KEPT_FORMATS =
  IS_BOLD | IS_ITALIC | IS_UNDERLINE | IS_STRIKETHROUGH | IS_SUBSCRIPT | IS_SUPERSCRIPT | IS_CODE;

/**
 * Applies the paste policy to freshly imported nodes (call inside an update) and returns the
 * nodes to insert in their place. Nested nodes are fixed in place.
 */
export function $sanitizeImportedNodes(nodes: readonly LexicalNode[]): LexicalNode[] {
  return nodes.flatMap($sanitizeNode);
}

function $sanitizeNode(node: LexicalNode): LexicalNode[] {
  if (node.getType() === 'root' || !ARTICLE_NODE_TYPES.has(node.getType())) {
    return $isElementNode(node) ? $unwrap(node) : (node.remove(), []);
  }
  if ($isTextNode(node)) {
    node.setStyle('').setFormat(node.getFormat() & KEPT_FORMATS);
    return [node];
  }
  if ($isLinkNode(node) && !$sanitizeLink(node)) return $unwrap(node);
  if ($isElementNode(node)) {
    node.setStyle('').setTextStyle('').setFormat('');
    // ListItemNode.setIndent restructures the list; its indent is its nesting, so leave it.
    if (!$isListItemNode(node)) node.setIndent(0);
    if ($isHeadingNode(node)) node.setTag(clampHeadingTag(node.getTag()));
    if ($isListNode(node) && node.getListType() === 'check') node.setListType('bullet');
    for (const child of node.getChildren()) $sanitizeNode(child);
  }
  return [node];
}

/** Keeps the link (normalized) if its URL passes the policy. */
function $sanitizeLink(link: LinkNode): boolean {
  const check = checkLinkUrl(link.getURL());
  if (!check.ok) return false;
  const newTab = link.getTarget() === '_blank';
  link
    .setURL(check.url)
    .setTarget(newTab ? '_blank' : null)
    .setRel(newTab ? 'noopener noreferrer' : null)
    .setTitle(null);
  return true;
}

/** Replaces an element by its (sanitized) children: in place when it has a parent. */
function $unwrap(node: ElementNode): LexicalNode[] {
  const children = node.getChildren();
  const inTree = node.getParent() !== null;
  for (const child of children) {
    if (inTree) node.insertBefore(child);
    else child.remove();
  }
  node.remove();
  return children.flatMap($sanitizeNode);
}

/**
 * Runs the policy on every clipboard insertion (HTML and Lexical JSON paste, drop). It edits
 * the command's node list in place and returns false, so Lexical's own insertion (selection
 * handling included) proceeds with the cleaned nodes.
 */
export function registerPasteSanitizer(editor: LexicalEditor): () => void {
  return editor.registerCommand(
    SELECTION_INSERT_CLIPBOARD_NODES_COMMAND,
    (payload) => {
      const clean = $sanitizeImportedNodes(payload.nodes);
      payload.nodes.splice(0, payload.nodes.length, ...clean);
      return false;
    },
    COMMAND_PRIORITY_CRITICAL,
  );
}
