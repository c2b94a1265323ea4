/**
 * Lists pasted from Microsoft Word: Word's HTML has no <ul>/<ol>. Each item is a paragraph
 * (class MsoListParagraph…, style `mso-list:l1 level2 lfo1`) that starts with its marker as
 * text ("·", "o", "1.", "a)") in a span styled `mso-list:Ignore`. This turns runs of such
 * paragraphs into real, nested HTML lists before the editor imports the HTML. Pure DOM: the
 * caller parses and serializes.
 */

const MSO_LIST = /mso-list:\s*l(\d+)\s+level(\d+)/i;
const ORDERED_MARKER = /^\(?([0-9]{1,3}|[a-zA-Z]|[ivxlcdmIVXLCDM]{1,6})[.)]$/;

interface WordItem {
  p: Element;
  list: string;
  level: number;
  ordered: boolean;
}

/** Does this HTML look like Word's, with list paragraphs in it? */
export function hasWordLists(html: string): boolean {
  return /mso-list/i.test(html);
}

function wordItem(p: Element): WordItem | null {
  const m = MSO_LIST.exec(p.getAttribute('style') ?? '');
  if (!m) return null;
  const marker = p.querySelector('[style*="mso-list:Ignore" i], [style*="mso-list: Ignore" i]');
  const text = (marker?.textContent ?? '').replace(/\s|\u00a0/g, '');
  return { p, list: m[1]!, level: Number(m[2]), ordered: ORDERED_MARKER.test(text) };
}

/** Removes the marker span and Word's conditional comments from an item paragraph. */
function stripMarker(p: Element): void {
  for (const marker of p.querySelectorAll(
    '[style*="mso-list:Ignore" i], [style*="mso-list: Ignore" i]',
  )) {
    // The marker is often wrapped in a font span holding nothing else.
    let node: Element = marker;
    while (
      node.parentElement &&
      node.parentElement !== p &&
      node.parentElement.textContent === node.textContent
    )
      node = node.parentElement;
    node.remove();
  }
  const walker = p.ownerDocument.createTreeWalker(p, 128 /* NodeFilter.SHOW_COMMENT */);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const c of comments) c.parentNode?.removeChild(c);
}

/** The next element sibling, skipping whitespace text and comments (Word's conditionals). */
function nextItemSibling(el: Element): Element | null {
  let n = el.nextSibling;
  while (n && n.nodeType !== 1) {
    if (n.nodeType === 3 && (n.textContent ?? '').trim() !== '') return null;
    n = n.nextSibling;
  }
  return n as Element | null;
}

/** Converts every run of Word list paragraphs under `root` into nested <ul>/<ol> lists. */
export function convertWordLists(root: Element): void {
  const doc = root.ownerDocument;
  const done = new Set<Element>();
  for (const p of Array.from(root.querySelectorAll('p'))) {
    if (done.has(p)) continue;
    const first = wordItem(p);
    if (!first) continue;
    const run: WordItem[] = [first];
    for (let next = nextItemSibling(p); next; next = nextItemSibling(next)) {
      const item = next.tagName === 'P' ? wordItem(next) : null;
      if (!item || item.list !== first.list) break;
      run.push(item);
    }
    const stack: { level: number; list: Element }[] = [];
    for (const item of run) {
      done.add(item.p);
      stripMarker(item.p);
      const li = doc.createElement('li');
      while (item.p.firstChild) li.appendChild(item.p.firstChild);
      while (stack.length > 0 && stack[stack.length - 1]!.level > item.level) stack.pop();
      let top = stack[stack.length - 1];
      if (!top || top.level < item.level) {
        const list = doc.createElement(item.ordered ? 'ol' : 'ul');
        if (!top) item.p.before(list);
        else {
          const lastItem =
            top.list.lastElementChild ?? top.list.appendChild(doc.createElement('li'));
          lastItem.appendChild(list);
        }
        top = { level: item.level, list };
        stack.push(top);
      }
      top.list.appendChild(li);
      item.p.remove();
    }
  }
}
