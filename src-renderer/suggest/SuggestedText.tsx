/**
 * Body JSON (a whole body or a conflict region's blocks) as text with its suggestions shown:
 * suggested insertions marked, suggested deletions struck through, each titled with its author.
 * Where plain text (bodyPlainText) reads a body as if every suggestion were rejected, this is for
 * places where a suggestion must never be hidden, such as the conflict panel.
 */
import { useTranslation } from 'react-i18next';
import { SUGGESTION_TYPE, type SuggestionKind } from '../../src-shared/richtext/suggestionFields';
import { authorHue } from './authorColour';
import './suggestions.css';

export interface TextSegment {
  text: string;
  suggestion?: { kind: SuggestionKind; author: string };
}

type JsonObject = Record<string, unknown>;
const isObject = (v: unknown): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function blocksOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (isObject(value) && isObject(value.root) && Array.isArray(value.root.children)) {
    return value.root.children;
  }
  return [];
}

/** Whether the value (body or blocks) holds a suggestion anywhere. */
export function holdsSuggestions(value: unknown): boolean {
  const stack: unknown[] = [...blocksOf(value)];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (!isObject(node)) continue;
    if (node.type === SUGGESTION_TYPE) return true;
    if (Array.isArray(node.children)) stack.push(...(node.children as unknown[]));
  }
  return false;
}

/** The text of the value in segments, blocks separated by a blank line. */
export function suggestedSegments(value: unknown): TextSegment[] {
  const out: TextSegment[] = [];
  const push = (segment: TextSegment) => {
    const last = out[out.length - 1];
    if (last && !last.suggestion && !segment.suggestion) last.text += segment.text;
    else out.push(segment);
  };
  const visit = (node: unknown): void => {
    if (!isObject(node)) return;
    if (node.type === SUGGESTION_TYPE) {
      const kind: SuggestionKind = node.kind === 'delete' ? 'delete' : 'insert';
      push({
        text: typeof node.text === 'string' ? node.text : '',
        suggestion: { kind, author: typeof node.author === 'string' ? node.author : '' },
      });
    } else if (node.type === 'linebreak') push({ text: '\n' });
    else if (typeof node.text === 'string') push({ text: node.text });
    else if (Array.isArray(node.children)) {
      node.children.forEach((child, i) => {
        if (i > 0 && isObject(child) && child.type === 'listitem') push({ text: '\n' });
        visit(child);
      });
    }
  };
  blocksOf(value).forEach((block, i) => {
    if (i > 0) push({ text: '\n\n' });
    visit(block);
  });
  return out;
}

/** `nameOf`: what to show for a username (the caller's display names; the username itself by default). */
export function SuggestedText({
  value,
  nameOf = (username) => username,
}: {
  value: unknown;
  nameOf?: (username: string) => string;
}) {
  const { t } = useTranslation();
  return (
    <>
      {suggestedSegments(value).map((s, i) => {
        if (!s.suggestion) return <span key={i}>{s.text}</span>;
        const title = t(`suggestionList.marked.${s.suggestion.kind}`, {
          name: nameOf(s.suggestion.author),
        });
        const style = { '--suggestion-hue': authorHue(s.suggestion.author) } as React.CSSProperties;
        return s.suggestion.kind === 'insert' ? (
          <ins key={i} className="suggestion-mark--insert" title={title} style={style}>
            {s.text}
          </ins>
        ) : (
          <del key={i} className="suggestion-mark--delete" title={title} style={style}>
            {s.text}
          </del>
        );
      })}
    </>
  );
}
