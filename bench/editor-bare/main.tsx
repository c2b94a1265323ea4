/**
 * The bench baseline: bare Lexical in React with only the rich-text and history plugins,
 * loading the same document as the real editor (from /doc.json?name=…). It sets the same
 * `copydesk:editor-ready` mark, so load and typing are measured the same way on both pages.
 */
import { useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';

function ReadyMark() {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const root = editor.getRootElement();
    if (root && root.childElementCount > 0) {
      performance.mark('copydesk:editor-ready');
      root.dataset.ready = 'true';
    }
  }, [editor]);
  return null;
}

async function main(): Promise<void> {
  const name = new URLSearchParams(location.search).get('name') ?? 'large';
  const doc = await (await fetch(`/doc.json?name=${encodeURIComponent(name)}`)).text();
  createRoot(document.getElementById('root')!).render(
    <LexicalComposer
      initialConfig={{
        namespace: 'bare',
        nodes: [HeadingNode, QuoteNode],
        editorState: doc,
        onError: (e) => console.error(e),
      }}
    >
      <RichTextPlugin
        contentEditable={<ContentEditable className="bare" aria-label="Body" />}
        ErrorBoundary={LexicalErrorBoundary}
      />
      <HistoryPlugin />
      <ReadyMark />
    </LexicalComposer>,
  );
}

void main();
