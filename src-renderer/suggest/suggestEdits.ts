/**
 * Edits as suggestions (suggestion mode), on the current selection inside an update: typed text
 * becomes the user's `insert` suggestion, removed text stays as the user's `delete` suggestion,
 * a format change is a deletion of the old text plus an insertion of the same text in the new
 * format. The rules follow Google Docs' "Suggesting":
 * - typing extends the user's own insertion at the caret (one id per continuous run);
 * - removing plain text or someone else's insertion marks it deleted and moves the caret past
 *   it; removing inside one's own insertion removes those characters for real; removing over
 *   an existing deletion only moves the caret;
 * - typing over a selection marks the selection deleted and inserts after it.
 * Moving by character, word or line counts only text that is not struck through, so the caret
 * moves as if deleted text were gone.
 */
import {
  $createRangeSelection,
  $findMatchingParent,
  $getSelection,
  $getState,
  $isElementNode,
  $isRangeSelection,
  $isTextNode,
  $setSelection,
  type ElementNode,
  type LexicalNode,
  type RangeSelection,
  type TextFormatType,
  type TextNode,
} from 'lexical';
import {
  $createSuggestionNode,
  $isSuggestionNode,
  suggestionAtState,
  suggestionAuthorState,
  suggestionIdState,
  suggestionKindState,
} from '../../src-shared/richtext/suggestionNode';
import type { SuggestionFields } from '../../src-shared/richtext/suggestionFields';

/** Who suggests, and where times and ids come from (fixed in tests). */
export interface SuggestContext {
  username: string;
  now: () => string;
  newId: () => string;
}

export function suggestContext(username: string): SuggestContext {
  return {
    username,
    now: () => new Date().toISOString(),
    newId: () => `s-${crypto.randomUUID()}`,
  };
}

export type DeleteUnit = 'character' | 'word' | 'line';

/** The suggestion fields of a text node, also of a plain node a split left them on. */
function $fieldsOf(node: TextNode): SuggestionFields | null {
  const kind = $getState(node, suggestionKindState);
  if (kind === '') return null;
  return {
    kind,
    author: $getState(node, suggestionAuthorState),
    at: $getState(node, suggestionAtState),
    id: $getState(node, suggestionIdState),
  };
}

/** A split leaves plain text nodes with suggestion fields (repaired at the end of the update);
 * edits that go on with such a piece repair it now so selections stay on the final node. */
function $repaired(node: TextNode): TextNode {
  if ($isSuggestionNode(node)) return node;
  const fields = $fieldsOf(node);
  if (!fields) return node;
  const replacement = $createSuggestionNode(node.getTextContent(), fields);
  replacement.setFormat(node.getFormat());
  replacement.setStyle(node.getStyle());
  replacement.setDetail(node.getDetail());
  node.replace(replacement);
  return replacement;
}

/** Splits [from, to) out of `node`; returns that piece (every piece repaired). */
function $splitOut(node: TextNode, from: number, to: number): TextNode {
  const size = node.getTextContentSize();
  const pieces = node.splitText(...[from, to].filter((o) => o > 0 && o < size)).map($repaired);
  return pieces[from > 0 ? 1 : 0] as TextNode;
}

const isDeleted = (node: TextNode) => $fieldsOf(node)?.kind === 'delete';

function isOwn(node: LexicalNode | null, kind: 'insert' | 'delete', ctx: SuggestContext) {
  if (!$isTextNode(node)) return false;
  const fields = $fieldsOf(node);
  return fields?.kind === kind && fields.author === ctx.username;
}

function $newSuggestion(
  text: string,
  kind: 'insert' | 'delete',
  like: TextNode | { format: number; style: string },
  ctx: SuggestContext,
  id = ctx.newId(),
): TextNode {
  const node = $createSuggestionNode(text, { kind, author: ctx.username, at: ctx.now(), id });
  const isNode = 'getFormat' in like;
  node.setFormat(isNode ? like.getFormat() : like.format);
  node.setStyle(isNode ? like.getStyle() : like.style);
  return node;
}

/** Inserts `text` at the selection as the user's insertion (typing over a selection first
 * marks it deleted). False when there is no text selection to insert at. */
export function $suggestInsertText(text: string, ctx: SuggestContext): boolean {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || text === '') return false;
  if (!selection.isCollapsed()) $suggestDeleteSelection(selection, 'end', ctx);
  const current = $getSelection();
  if (!$isRangeSelection(current)) return false;
  const { format, style } = current;
  const anchor = current.anchor;
  const sameFormat = (node: LexicalNode | null) =>
    isOwn(node, 'insert', ctx) && (node as TextNode).getFormat() === format;

  if (anchor.type === 'text') {
    const node = anchor.getNode();
    const offset = anchor.offset;
    const size = node.getTextContentSize();
    if (sameFormat(node)) {
      node.spliceText(offset, 0, text, true);
      return true;
    }
    const prev = node.getPreviousSibling();
    if (offset === 0 && sameFormat(prev)) {
      const own = prev as TextNode;
      own.spliceText(own.getTextContentSize(), 0, text, true);
      return true;
    }
    const next = node.getNextSibling();
    if (offset === size && sameFormat(next)) {
      (next as TextNode).spliceText(0, 0, text, true);
      return true;
    }
    const inserted = $newSuggestion(text, 'insert', { format, style }, ctx);
    if (offset === 0) node.insertBefore(inserted);
    else if (offset >= size) node.insertAfter(inserted);
    else $splitOut(node, 0, offset).insertAfter(inserted);
    inserted.select(text.length, text.length);
    return true;
  }

  const element = anchor.getNode();
  if (!$isElementNode(element) || element.isShadowRoot()) return false;
  const inserted = $newSuggestion(text, 'insert', { format, style }, ctx);
  const child = element.getChildAtIndex(anchor.offset);
  if (child) child.insertBefore(inserted);
  else element.append(inserted);
  inserted.select(text.length, text.length);
  return true;
}

interface Part {
  node: TextNode;
  from: number;
  to: number;
}

/** Where the caret goes after a removal; `fromEnd` survives text joined in front of it. */
interface CaretMark {
  node: TextNode;
  offset: number;
  fromEnd: boolean;
}

/**
 * Marks [from, to) of `node` deleted (or removes it from one's own insertion); returns the
 * caret before ('start') or after ('end') the removed part, and the node if it was emptied.
 */
function $markDeleted(
  part: Part,
  edge: 'start' | 'end',
  ctx: SuggestContext,
  emptied: TextNode[],
): CaretMark {
  const { node, from, to } = part;
  const mark = (n: TextNode, offset: number): CaretMark =>
    edge === 'start'
      ? { node: n, offset, fromEnd: false }
      : { node: n, offset: n.getTextContentSize() - offset, fromEnd: true };
  if (isDeleted(node)) return mark(node, edge === 'start' ? from : to);
  if (isOwn(node, 'insert', ctx)) {
    node.spliceText(from, to - from, '');
    if (node.getTextContentSize() === 0) emptied.push(node);
    return mark(node, from);
  }
  const middle = $splitOut(node, from, to);
  const text = middle.getTextContent();
  const format = middle.getFormat();
  const prev = middle.getPreviousSibling();
  const next = middle.getNextSibling();
  if (isOwn(prev, 'delete', ctx) && (prev as TextNode).getFormat() === format) {
    const own = prev as TextNode;
    const at = own.getTextContentSize();
    own.spliceText(at, 0, text);
    middle.remove();
    return mark(own, edge === 'start' ? at : at + text.length);
  }
  if (isOwn(next, 'delete', ctx) && (next as TextNode).getFormat() === format) {
    const own = next as TextNode;
    own.spliceText(0, 0, text);
    middle.remove();
    return mark(own, edge === 'start' ? 0 : text.length);
  }
  const deleted = $newSuggestion(text, 'delete', middle, ctx);
  deleted.setDetail(middle.getDetail());
  middle.replace(deleted);
  return mark(deleted, edge === 'start' ? 0 : text.length);
}

/** Marks every part deleted (last first, so earlier keys and offsets stay valid) and places
 * the caret before the first part or after the last. */
function $deleteParts(parts: Part[], edge: 'start' | 'end', ctx: SuggestContext): boolean {
  if (parts.length === 0) return false;
  const emptied: TextNode[] = [];
  let caret: CaretMark | null = null;
  for (let i = parts.length - 1; i >= 0; i--) {
    const mark = $markDeleted(parts[i] as Part, edge, ctx, emptied);
    if (edge === 'start' || caret === null) caret = mark;
  }
  if (caret && caret.node.isAttached()) {
    const offset = caret.fromEnd ? caret.node.getTextContentSize() - caret.offset : caret.offset;
    caret.node.select(offset, offset);
  }
  // Removing a node with the caret in it moves the caret to a neighbour (Lexical does that).
  for (const node of emptied) if (node.isAttached()) node.remove();
  return true;
}

/** The selected text of every text node in a range selection, in document order. */
function selectedParts(selection: RangeSelection): Part[] {
  const [start, end] = selection.isBackward()
    ? [selection.focus, selection.anchor]
    : [selection.anchor, selection.focus];
  const parts: Part[] = [];
  for (const node of selection.getNodes()) {
    if (!$isTextNode(node)) continue;
    const from = start.type === 'text' && start.key === node.getKey() ? start.offset : 0;
    const to =
      end.type === 'text' && end.key === node.getKey() ? end.offset : node.getTextContentSize();
    if (to > from) parts.push({ node, from, to });
  }
  return parts;
}

/** Marks the selected text deleted; the caret ends up before ('start') or after ('end') it. */
export function $suggestDeleteSelection(
  selection: RangeSelection,
  edge: 'start' | 'end',
  ctx: SuggestContext,
): boolean {
  const parts = selectedParts(selection);
  if (parts.length === 0) {
    const point = edge === 'start' ? selection.anchor : selection.focus;
    selection.anchor.set(point.key, point.offset, point.type);
    selection.focus.set(point.key, point.offset, point.type);
    return true;
  }
  return $deleteParts(parts, edge, ctx);
}

function $blockOf(node: LexicalNode): ElementNode | null {
  return $findMatchingParent(node, (n) => $isElementNode(n) && !n.isInline()) as ElementNode | null;
}

interface Segment {
  node: TextNode;
  start: number;
  text: string;
}

/** The block's text that is not struck through, as segments with their offsets. */
function visibleSegments(block: ElementNode): Segment[] {
  const segments: Segment[] = [];
  let start = 0;
  for (const node of block.getAllTextNodes()) {
    if (isDeleted(node) || $blockOf(node) !== block) continue;
    const text = node.getTextContent();
    segments.push({ node, start, text });
    start += text.length;
  }
  return segments;
}

/** The caret as an offset into the visible text of its block. */
function visibleOffset(selection: RangeSelection, block: ElementNode, segments: Segment[]) {
  const anchor = selection.anchor;
  const anchorNode = anchor.getNode();
  if (anchor.type === 'text') {
    const own = segments.find((s) => s.node.is(anchorNode));
    if (own) return own.start + anchor.offset;
  }
  // On a deleted node or between children: count the visible text before that point.
  const ordered = block.getAllTextNodes();
  const limit =
    anchor.type === 'text'
      ? anchorNode
      : ($isElementNode(anchorNode) && anchorNode.getChildAtIndex(anchor.offset)) || null;
  let offset = 0;
  for (const node of ordered) {
    if (limit && (node.is(limit) || limit.isParentOf(node))) return offset;
    const segment = segments.find((s) => s.node.is(node));
    if (segment) offset += segment.text.length;
  }
  return offset;
}

const SPACE = /\s/;

/** How far a deletion reaches from `at` in the visible text (a surrogate pair is one character). */
function reach(text: string, at: number, isBackward: boolean, unit: DeleteUnit): number {
  if (unit === 'line') return isBackward ? 0 : text.length;
  if (unit === 'character') {
    if (isBackward) {
      if (at === 0) return 0;
      const low = text.charCodeAt(at - 1);
      return at >= 2 && low >= 0xdc00 && low <= 0xdfff ? at - 2 : at - 1;
    }
    if (at >= text.length) return at;
    const high = text.charCodeAt(at);
    return high >= 0xd800 && high <= 0xdbff && at + 1 < text.length ? at + 2 : at + 1;
  }
  let i = at;
  if (isBackward) {
    while (i > 0 && SPACE.test(text[i - 1] as string)) i--;
    while (i > 0 && !SPACE.test(text[i - 1] as string)) i--;
  } else {
    while (i < text.length && SPACE.test(text[i] as string)) i++;
    while (i < text.length && !SPACE.test(text[i] as string)) i++;
  }
  return i;
}

/** Whether Lexical may join or remove this block for real: nothing in it but one's own text. */
function onlyOwnText(block: ElementNode, ctx: SuggestContext): boolean {
  return block.getAllTextNodes().every((n) => isOwn(n, 'insert', ctx));
}

/**
 * Backspace/Delete, word and line deletes as suggestions. At the edge of a block the caret moves
 * into the neighbouring block (joining paragraphs is not a suggestion); returns false (Lexical
 * joins as usual) only where the block holds nothing but the user's own insertion.
 */
export function $suggestDelete(isBackward: boolean, unit: DeleteUnit, ctx: SuggestContext) {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return true; // images and other nodes: not suggestable
  if (!selection.isCollapsed()) return $suggestDeleteSelection(selection, 'start', ctx);
  const block = $blockOf(selection.anchor.getNode());
  if (!block) return false;
  const segments = visibleSegments(block);
  const text = segments.map((s) => s.text).join('');
  const at = visibleOffset(selection, block, segments);
  const to = reach(text, at, isBackward, unit);
  if (to === at) {
    if (onlyOwnText(block, ctx)) return false;
    const neighbour = isBackward ? block.getPreviousSibling() : block.getNextSibling();
    if ($isElementNode(neighbour)) {
      if (!isBackward && onlyOwnText(neighbour, ctx)) return false;
      if (isBackward) neighbour.selectEnd();
      else neighbour.selectStart();
    }
    return true;
  }
  const [from, until] = isBackward ? [to, at] : [at, to];
  const parts: Part[] = [];
  for (const s of segments) {
    const a = Math.max(from, s.start);
    const b = Math.min(until, s.start + s.text.length);
    if (b > a) parts.push({ node: s.node, from: a - s.start, to: b - s.start });
  }
  return $deleteParts(parts, isBackward ? 'start' : 'end', ctx);
}

/**
 * A format change on selected text: the user's own insertion changes for real; any other text
 * becomes a deletion of the old text followed by an insertion of the same text in the new
 * format (one id for all deletions of this change, one for all insertions). A collapsed
 * selection is left to Lexical (it sets the format of what is typed next).
 */
export function $suggestFormat(format: TextFormatType, ctx: SuggestContext): boolean {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || selection.isCollapsed()) return false;
  const parts = selectedParts(selection).filter((p) => !isDeleted(p.node));
  if (parts.length === 0) return true;
  const turnOn = !parts.every((p) => p.node.hasFormat(format));
  const deleteId = ctx.newId();
  const insertId = ctx.newId();
  const touched: TextNode[] = [];
  for (let i = parts.length - 1; i >= 0; i--) {
    const { node, from, to } = parts[i] as Part;
    const middle = $splitOut(node, from, to);
    if (middle.hasFormat(format) === turnOn) {
      touched.unshift(middle);
      continue;
    }
    if (isOwn(middle, 'insert', ctx)) {
      middle.toggleFormat(format);
      touched.unshift(middle);
      continue;
    }
    const inserted = $newSuggestion(middle.getTextContent(), 'insert', middle, ctx, insertId);
    inserted.toggleFormat(format);
    const deleted = $newSuggestion(middle.getTextContent(), 'delete', middle, ctx, deleteId);
    middle.replace(deleted);
    deleted.insertAfter(inserted);
    touched.unshift(inserted);
  }
  const first = touched[0];
  const last = touched[touched.length - 1];
  if (first && last) {
    const range = $createRangeSelection();
    range.anchor.set(first.getKey(), 0, 'text');
    range.focus.set(last.getKey(), last.getTextContentSize(), 'text');
    range.format = first.getFormat();
    $setSelection(range);
  }
  return true;
}

/** Enter: marks a selection deleted, then splits the block as usual; the new block's typed
 * text is an insertion (a block that holds only insertions goes away when they are rejected). */
export function $suggestParagraph(ctx: SuggestContext): boolean {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return false;
  if (!selection.isCollapsed()) $suggestDeleteSelection(selection, 'end', ctx);
  const current = $getSelection();
  if (!$isRangeSelection(current)) return false;
  current.insertParagraph();
  return true;
}

/** Pasted or dropped text as insertions; line breaks start new paragraphs. */
export function $suggestInsertPlainText(text: string, ctx: SuggestContext): boolean {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  lines.forEach((line, i) => {
    if (i > 0) $suggestParagraph(ctx);
    if (line !== '') $suggestInsertText(line, ctx);
  });
  return true;
}
