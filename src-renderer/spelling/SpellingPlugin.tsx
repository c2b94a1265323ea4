/**
 * Underlines misspelled words in the body with the CSS Custom Highlight API — ranges over the
 * rendered DOM, so the Lexical document is never touched — and opens the app's own spelling
 * menu on a right-click on such a word. Checking runs in a worker; here only changed blocks are
 * re-tokenized, after a pause in typing, and the word at the caret waits until it is finished.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $createRangeSelection,
  $getNearestNodeFromDOMNode,
  $isTextNode,
  $setSelection,
  CONTROLLED_TEXT_INSERTION_COMMAND,
  type LexicalEditor,
} from 'lexical';
import type { SpellingLanguage } from '../../src-shared/api';
import { acceptEverywhere, setDictionaryWords, spellChecker, type SpellChecker } from './checker';
import { useNewsroomWords } from './newsroomWords';
import { SpellingMenu, type SpellingTarget } from './SpellingMenu';
import { wordsIn } from './words';

export const SPELLING_HIGHLIGHT = 'copydesk-spelling';
/** Pause after the last change before changed blocks are checked. */
const CHECK_DELAY_MS = 300;
/** Delay from showing the body to starting the checker, so opening an article is not slowed. */
const START_DELAY_MS = 300;
/** Blocks checked per task, so a long article never blocks the thread. */
const BLOCKS_PER_TASK = 40;
/** Blocks this far above or below the visible area are marked too, ready for scrolling. */
const VISIBLE_MARGIN_PX = 600;

const supported = typeof CSS !== 'undefined' && 'highlights' in CSS;
/** Longest wait for an idle moment before marking anyway. */
const IDLE_TIMEOUT_MS = 1000;

/**
 * Resolves in an idle moment of the main thread: marking (tokenizing, ranges, the highlight's
 * repaint) then never lands between a keystroke and its frame, which is what made typing with
 * spelling on slower at the 95th percentile.
 */
function idle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') {
      requestIdleCallback(() => resolve(), { timeout: IDLE_TIMEOUT_MS });
    } else {
      setTimeout(resolve, 0);
    }
  });
}

export interface SpellingPluginProps {
  language: SpellingLanguage;
  /** Words this desk's user accepted before the newsroom dictionary (kept accepted). */
  personalWords: readonly string[];
  /** "Add to newsroom dictionary": queues the word for every desk. */
  onAddWord: (word: string) => void;
}

function topLevelBlock(root: HTMLElement, el: Node | null): HTMLElement | null {
  let node: Node | null = el;
  while (node && node.parentNode !== root) node = node.parentNode;
  return node instanceof HTMLElement ? node : null;
}

/** Text nodes of a block the user edits (not those inside images and other islands). */
function editableTextNodes(block: HTMLElement): Text[] {
  const out: Text[] = [];
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) =>
      n.parentElement?.closest('[contenteditable="false"]')
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

/**
 * Marks the blocks on screen (and a margin around it) only: every highlight range is live and
 * repainted, so thousands of them in a long article would slow each keystroke. A block that
 * scrolls away loses its marks and gets them back when it returns.
 */
class BlockMarker {
  private readonly ranges = new Map<HTMLElement, Range[]>();
  private readonly queue = new Set<HTMLElement>();
  private readonly visible = new Set<HTMLElement>();
  private readonly observer: IntersectionObserver;
  private running = false;
  private disposed = false;

  constructor(
    private readonly root: HTMLElement,
    private readonly checker: SpellChecker,
    private readonly highlight: Highlight,
  ) {
    this.observer = new IntersectionObserver(
      (entries) => {
        const shown: HTMLElement[] = [];
        for (const e of entries) {
          const block = e.target as HTMLElement;
          if (e.isIntersecting) {
            this.visible.add(block);
            shown.push(block);
          } else {
            this.visible.delete(block);
            this.unmark(block);
          }
        }
        this.enqueue(shown);
      },
      { rootMargin: `${VISIBLE_MARGIN_PX}px 0px` },
    );
  }

  /** Checks `blocks` again if they are on screen; new blocks are watched from now on. */
  enqueue(blocks: Iterable<HTMLElement>): void {
    for (const b of blocks) {
      this.observer.observe(b);
      if (this.visible.has(b)) this.queue.add(b);
    }
    void this.drain();
  }

  enqueueAll(): void {
    this.enqueue(Array.from(this.root.children) as HTMLElement[]);
  }

  private unmark(block: HTMLElement): void {
    for (const r of this.ranges.get(block) ?? []) this.highlight.delete(r);
    this.ranges.delete(block);
  }

  /** The misspelled range under a DOM point, if any. */
  rangeAt(node: Node, offset: number): Range | null {
    const block = topLevelBlock(this.root, node);
    for (const r of (block && this.ranges.get(block)) ?? []) {
      if (r.startContainer === node && r.startOffset <= offset && offset <= r.endOffset) return r;
    }
    return null;
  }

  dispose(): void {
    this.disposed = true;
    this.observer.disconnect();
    this.queue.clear();
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.queue.size > 0 && !this.disposed) {
        // Each batch waits for an idle moment, so input and frames go first.
        await idle();
        if (this.disposed) break;
        const batch = [...this.queue].slice(0, BLOCKS_PER_TASK);
        for (const b of batch) this.queue.delete(b);
        try {
          await this.mark(batch);
        } catch {
          // The checker failed (and said so once); leave these blocks unmarked.
        }
      }
    } finally {
      this.running = false;
    }
  }

  private async mark(blocks: HTMLElement[]): Promise<void> {
    const live = blocks.filter((b) => b.isConnected && b.parentNode === this.root);
    const words: string[] = [];
    for (const b of live)
      for (const t of editableTextNodes(b)) for (const w of wordsIn(t.data)) words.push(w.word);
    await this.checker.check(words);
    // The worker's answer may arrive mid-typing: the ranges are set in the next idle moment.
    await idle();
    if (this.disposed) return;
    this.forgetDetached();
    const caret = document.getSelection();
    for (const b of live) {
      this.unmark(b);
      if (!b.isConnected || !this.visible.has(b)) continue;
      const marked: Range[] = [];
      for (const t of editableTextNodes(b)) {
        for (const w of wordsIn(t.data)) {
          if (this.checker.known(w.word) !== true) continue;
          const typing =
            caret?.isCollapsed && caret.anchorNode === t && caret.anchorOffset === w.end;
          if (typing) continue;
          const r = new Range();
          r.setStart(t, w.start);
          r.setEnd(t, w.end);
          marked.push(r);
          this.highlight.add(r);
        }
      }
      if (marked.length > 0) this.ranges.set(b, marked);
    }
  }

  private forgetDetached(): void {
    for (const [b, rs] of this.ranges) {
      if (b.isConnected) continue;
      for (const r of rs) this.highlight.delete(r);
      this.ranges.delete(b);
    }
    for (const b of this.visible) {
      if (b.isConnected) continue;
      this.visible.delete(b);
      this.observer.unobserve(b);
    }
  }
}

function caretPoint(x: number, y: number): { node: Node; offset: number } | null {
  if (typeof document.caretPositionFromPoint === 'function') {
    const p = document.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const r = document.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}

/**
 * Replaces the misspelled word of `range` with `replacement`, if the text is still the same and
 * the body may be edited. The word is selected and the replacement inserted as typed text, so
 * that in suggestion mode it becomes the user's suggestion like anything they type.
 */
function replaceWord(editor: LexicalEditor, range: Range, word: string, replacement: string): void {
  if (!editor.isEditable()) return;
  editor.update(() => {
    const node = $getNearestNodeFromDOMNode(range.startContainer);
    if (!$isTextNode(node)) return;
    const start = range.startOffset;
    if (node.getTextContent().slice(start, start + word.length) !== word) return;
    const selection = $createRangeSelection();
    selection.anchor.set(node.getKey(), start, 'text');
    selection.focus.set(node.getKey(), start + word.length, 'text');
    selection.format = node.getFormat();
    selection.style = node.getStyle();
    $setSelection(selection);
    editor.dispatchCommand(CONTROLLED_TEXT_INSERTION_COMMAND, replacement);
  });
}

export function SpellingPlugin({ language, personalWords, onAddWord }: SpellingPluginProps) {
  const [editor] = useLexicalComposerContext();
  const marker = useRef<BlockMarker | null>(null);
  const [target, setTarget] = useState<SpellingTarget | null>(null);
  const checker = useRef<SpellChecker | null>(null);
  const newsroom = useNewsroomWords();
  // Accepted: the personal words and the newsroom dictionary's (once it has loaded).
  const acceptedWords = useMemo(
    () => (newsroom ? [...personalWords, ...newsroom.map((w) => w.word)] : null),
    [personalWords, newsroom],
  );

  useEffect(() => {
    if (!supported) return;
    const highlight = new Highlight();
    CSS.highlights.set(SPELLING_HIGHLIGHT, highlight);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const changed = new Set<HTMLElement>();
    let offRoot = () => {};
    // The article is shown first; the checker (a worker loading its dictionary) starts after.
    const startTimer = setTimeout(() => {
      const current = spellChecker(language);
      checker.current = current;
      offRoot = editor.registerRootListener((root) => {
        marker.current?.dispose();
        highlight.clear();
        marker.current = root ? new BlockMarker(root, current, highlight) : null;
        marker.current?.enqueueAll();
      });
    }, START_DELAY_MS);
    // Per keystroke only the dirty keys are noted; finding their blocks waits for the pause.
    const dirty = new Set<string>();
    const offUpdate = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      let blockKeys = 0;
      for (const key of dirtyLeaves) {
        dirty.add(key);
        blockKeys++;
      }
      for (const key of dirtyElements.keys()) {
        if (key === 'root') continue;
        dirty.add(key);
        blockKeys++;
      }
      if (blockKeys === 0) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        const root = editor.getRootElement();
        if (root) {
          for (const key of dirty) {
            const block = topLevelBlock(root, editor.getElementByKey(key));
            if (block) changed.add(block);
          }
        }
        dirty.clear();
        marker.current?.enqueue(changed);
        changed.clear();
      }, CHECK_DELAY_MS);
    });
    return () => {
      clearTimeout(startTimer);
      clearTimeout(timer);
      offRoot();
      checker.current = null;
      offUpdate();
      marker.current?.dispose();
      marker.current = null;
      CSS.highlights.delete(SPELLING_HIGHLIGHT);
    };
  }, [editor, language]);

  // The dictionaries arrive after the first pass, and change with syncs; a word a desk chief
  // removed from the newsroom dictionary is checked again.
  useEffect(() => {
    if (acceptedWords && setDictionaryWords(acceptedWords)) marker.current?.enqueueAll();
  }, [acceptedWords]);

  useEffect(() => {
    if (!supported) return;
    const onContextMenu = (event: MouseEvent) => {
      const point = caretPoint(event.clientX, event.clientY);
      const range = point && marker.current?.rangeAt(point.node, point.offset);
      if (!range) return;
      event.preventDefault();
      setTarget({
        x: event.clientX,
        y: event.clientY,
        range,
        word: range.toString(),
        replaceable: editor.isEditable(),
      });
    };
    let current: HTMLElement | null = null;
    const off = editor.registerRootListener((root) => {
      current?.removeEventListener('contextmenu', onContextMenu);
      current = root;
      current?.addEventListener('contextmenu', onContextMenu);
    });
    return () => {
      off();
      current?.removeEventListener('contextmenu', onContextMenu);
    };
  }, [editor]);

  const recheck = useCallback(() => marker.current?.enqueueAll(), []);
  const close = useCallback(() => {
    setTarget(null);
    editor.focus();
  }, [editor]);

  if (!target || !checker.current) return null;
  const active = checker.current;
  return (
    <SpellingMenu
      target={target}
      suggest={(word) => active.suggest(word)}
      onReplace={(replacement) => {
        replaceWord(editor, target.range, target.word, replacement);
        close();
      }}
      onIgnore={() => {
        acceptEverywhere(target.word);
        recheck();
        close();
      }}
      onAdd={() => {
        acceptEverywhere(target.word);
        onAddWord(target.word);
        recheck();
        close();
      }}
      onClose={close}
    />
  );
}
