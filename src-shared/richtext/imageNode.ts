/**
 * The article image: a block-level DecoratorNode whose fields are flat NodeState
 * (`{"type": "article-image", "imageId": …, "caption": …}`). Caption and credit are plain text,
 * edited by inputs inside the decorator rather than nested editors .
 *
 * No React here. `decorate()` returns whatever the decorator registered for the editor with
 * `setArticleImageDecorator` returns, and null when none is registered (headless, server).
 * The renderer registers its React component that way instead of replacing the node class:
 * a Lexical node replacement needs its own JSON type, which would fork the stored format.
 */
import {
  $applyNodeReplacement,
  $getDocument,
  $getState,
  $setState,
  createState,
  DecoratorNode,
  type EditorConfig,
  type LexicalEditor,
  type LexicalNode,
  type StateConfig,
} from 'lexical';
import { parseImageId } from './imageId';

const text = (max: number) => (value: unknown) =>
  typeof value === 'string' ? value.slice(0, max) : '';
const dimension = (value: unknown): number =>
  typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= 100_000 ? value : 0;
export const imageIdState = createState('imageId', { parse: parseImageId });
/** Where the editor shows the image from (a local URL). Never used for published HTML. */
export const srcState = createState('src', { parse: text(2048) });
export const altState = createState('alt', { parse: text(1000) });
export const captionState = createState('caption', { parse: text(1000) });
export const creditState = createState('credit', { parse: text(300) });
export const widthState = createState('width', { parse: dimension });
export const heightState = createState('height', { parse: dimension });

const FIELDS = {
  imageId: imageIdState,
  src: srcState,
  alt: altState,
  caption: captionState,
  credit: creditState,
  width: widthState,
  height: heightState,
} as const;

export interface ArticleImageFields {
  imageId: string;
  src: string;
  alt: string;
  caption: string;
  credit: string;
  width: number;
  height: number;
}

export type ArticleImageDecorator = (
  node: ArticleImageNode,
  editor: LexicalEditor,
  config: EditorConfig,
) => unknown;

const decorators = new WeakMap<LexicalEditor, ArticleImageDecorator>();

/** Sets how `editor` renders image nodes (e.g. a React element); returns an unregister function. */
export function setArticleImageDecorator(
  editor: LexicalEditor,
  decorator: ArticleImageDecorator,
): () => void {
  decorators.set(editor, decorator);
  return () => {
    if (decorators.get(editor) === decorator) decorators.delete(editor);
  };
}

export class ArticleImageNode extends DecoratorNode<unknown> {
  override $config() {
    return this.config('article-image', {
      extends: DecoratorNode,
      stateConfigs: [
        { flat: true, stateConfig: imageIdState },
        { flat: true, stateConfig: srcState },
        { flat: true, stateConfig: altState },
        { flat: true, stateConfig: captionState },
        { flat: true, stateConfig: creditState },
        { flat: true, stateConfig: widthState },
        { flat: true, stateConfig: heightState },
      ],
    });
  }

  getFields(): ArticleImageFields {
    const latest = this.getLatest();
    return {
      imageId: $getState(latest, imageIdState),
      src: $getState(latest, srcState),
      alt: $getState(latest, altState),
      caption: $getState(latest, captionState),
      credit: $getState(latest, creditState),
      width: $getState(latest, widthState),
      height: $getState(latest, heightState),
    };
  }

  /** Sets the given fields; each value passes the same parse (clamping) as JSON input. */
  setFields(fields: Partial<ArticleImageFields>): this {
    let node: this = this.getWritable();
    for (const key of Object.keys(fields) as (keyof ArticleImageFields)[]) {
      const state = FIELDS[key] as StateConfig<string, unknown>;
      node = $setState(node, state, state.parse(fields[key]));
    }
    return node;
  }

  override createDOM(): HTMLElement {
    const element = $getDocument().createElement('div');
    element.className = 'article-image';
    return element;
  }

  override updateDOM(): false {
    return false;
  }

  override isInline(): false {
    return false;
  }

  override decorate(editor: LexicalEditor, config: EditorConfig): unknown {
    const decorator = decorators.get(editor);
    return decorator ? decorator(this, editor, config) : null;
  }
}

export function $createArticleImageNode(
  fields: Partial<ArticleImageFields> = {},
): ArticleImageNode {
  return $applyNodeReplacement(new ArticleImageNode()).setFields(fields);
}

export function $isArticleImageNode(
  node: LexicalNode | null | undefined,
): node is ArticleImageNode {
  return node instanceof ArticleImageNode;
}
