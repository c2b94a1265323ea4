/**
 * The publication checklist as the editor shows it: the shared `checkArticle` (src-shared/
 * checklist.ts) over the article's fields and the images of its body, mapped to translated
 * messages that name the image concerned (its caption or file name).
 *
 * `useArticleChecklist` is what the workflow UI calls before a submit: while `items` is not
 * empty (or `ready` is false) the article must not be submitted.
 */
import { useEffect, useMemo, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { $getRoot, type LexicalEditor } from 'lexical';
import {
  checkArticle,
  checkArticleWarnings,
  type ChecklistCode,
  type ChecklistItem,
  type ChecklistWarning,
  type ChecklistWarningCode,
} from '../../src-shared/checklist';
import type { ArticleFields, Image } from '../../src-shared/model';
import { $getBlockId } from '../../src-shared/richtext/blockIds';
import { $isArticleImageNode } from '../../src-shared/richtext/imageNode';
import { useImageRecords } from './images/records';

/** An inline image of the body, as the checklist needs it. */
export interface BodyImage {
  imageId: string;
  credit: string;
  alt: string;
  caption: string;
  blockId: string;
}

export interface ChecklistMessage {
  code: ChecklistCode | ChecklistWarningCode;
  /** Translated, naming the image for image items. */
  text: string;
  imageId?: string;
  blockId?: string;
}

/** Image records by id: the record, null when unknown to the core, undefined while loading. */
export type ImageRecordLookup = (imageId: string) => Image | null | undefined;

/** The inline images of the editor's current document, in order (call inside read/update). */
export function $bodyImages(): BodyImage[] {
  const out: BodyImage[] = [];
  for (const node of $getRoot().getChildren()) {
    if (!$isArticleImageNode(node)) continue;
    const { imageId, credit, alt, caption } = node.getFields();
    out.push({ imageId, credit, alt, caption, blockId: $getBlockId(node) });
  }
  return out;
}

/** A body JSON holding just the given images: all `checkArticle` reads of a body. */
function imagesBody(images: readonly BodyImage[]) {
  return {
    root: {
      type: 'root',
      children: images.map((i) => ({
        type: 'article-image',
        imageId: i.imageId,
        credit: i.credit,
        alt: i.alt,
        $: { blockId: i.blockId },
      })),
    },
  };
}

function imageName(
  t: TFunction,
  caption: string,
  record: Image | null | undefined,
  index?: number,
): string {
  const name = caption.trim() || record?.caption.trim() || record?.fileName || '';
  if (name) return name;
  return index === undefined
    ? t('articleImages.checklist.unnamed')
    : t('articleImages.checklist.unnamedNth', { n: index + 1 });
}

/** The messages for the items of `checkArticle`. */
export function checklistMessages(
  items: readonly (ChecklistItem | ChecklistWarning)[],
  context: {
    leadCaption: string;
    bodyImages: readonly BodyImage[];
    records: ImageRecordLookup;
  },
  t: TFunction,
): ChecklistMessage[] {
  return items.map((item) => {
    const base = { code: item.code, imageId: item.imageId, blockId: item.blockId };
    const record = item.imageId ? context.records(item.imageId) : undefined;
    switch (item.code) {
      case 'social_image_credit_missing':
        return {
          ...base,
          text: t(`articleImages.checklist.${item.code}`, { name: imageName(t, '', record) }),
        };
      case 'lead_image_unknown':
      case 'lead_image_credit_missing':
      case 'lead_image_alt_missing':
        return {
          ...base,
          text: t(`articleImages.checklist.${item.code}`, {
            name: imageName(t, context.leadCaption, record),
          }),
        };
      case 'image_credit_missing':
      case 'image_alt_missing': {
        const index = context.bodyImages.findIndex((i) =>
          item.blockId ? i.blockId === item.blockId : i.imageId === item.imageId,
        );
        const inline = index >= 0 ? context.bodyImages[index] : undefined;
        return {
          ...base,
          text: t(`articleImages.checklist.${item.code}`, {
            name: imageName(t, inline?.caption ?? '', record, index >= 0 ? index : undefined),
          }),
        };
      }
      case 'open_suggestions':
        return {
          ...base,
          text: t('articleImages.checklist.open_suggestions', { count: item.count }),
        };
      default:
        return { ...base, text: t(`articleImages.checklist.${item.code}`) };
    }
  });
}

/** The inline images of `editor`'s document, re-read a moment after changes (not per keystroke). */
export function useBodyImages(editor: LexicalEditor | null, delayMs = 300): BodyImage[] {
  const [images, setImages] = useState<BodyImage[]>([]);
  useEffect(() => {
    if (!editor) return;
    const read = () => {
      const next = editor.getEditorState().read($bodyImages, { editor });
      setImages((prev) => (JSON.stringify(prev) === JSON.stringify(next) ? prev : next));
    };
    read();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      clearTimeout(timer);
      timer = setTimeout(read, delayMs);
    });
    return () => {
      off();
      clearTimeout(timer);
    };
  }, [editor, delayMs]);
  return images;
}

export interface ArticleChecklist {
  /** What is missing; empty means the article may be submitted. */
  items: ChecklistMessage[];
  /** What should be fixed but does not block (images without alt text). */
  warnings: ChecklistMessage[];
  /** False while image records are still loading (the list may be incomplete). */
  ready: boolean;
}

/**
 * The live checklist of an open article: `fields` as edited, `editor` the body editor (null
 * before it is mounted). Credits come from the core's image records (`images.get`).
 */
export function useArticleChecklist(
  fields: ArticleFields,
  editor: LexicalEditor | null,
  /** Open suggestions of the live body (the Suggestions list's count). */
  openSuggestions = 0,
  /** The article's open field suggestions (counted with the body's as open suggestions). */
  fieldSuggestions?: readonly unknown[],
): ArticleChecklist {
  const { t } = useTranslation();
  const bodyImages = useBodyImages(editor);
  const ids = useMemo(() => {
    const list = bodyImages.map((i) => i.imageId).filter(Boolean);
    if (fields.leadImage) list.push(fields.leadImage.imageId);
    if (fields.socialImageId) list.push(fields.socialImageId);
    return list;
  }, [bodyImages, fields.leadImage, fields.socialImageId]);
  const records = useImageRecords(ids);
  return useMemo(() => {
    // The body read here holds only images: its suggestions are counted by the live editor.
    const article = { fields, body: imagesBody(bodyImages) };
    const lookup = (id: string) => {
      const record = records.get(id);
      return record ? { credit: record.credit, alt: record.alt } : undefined;
    };
    const context = {
      leadCaption: fields.leadImage?.caption ?? '',
      bodyImages,
      records: records.get,
    };
    const warnings: ChecklistWarning[] = checkArticleWarnings(article, lookup);
    const open = openSuggestions + (fieldSuggestions?.length ?? 0);
    if (open > 0) warnings.push({ code: 'open_suggestions', message: '', count: open });
    return {
      items: checklistMessages(checkArticle(article, lookup), context, t),
      warnings: checklistMessages(warnings, context, t),
      ready: !records.loading,
    };
  }, [fields, bodyImages, records, t, openSuggestions, fieldSuggestions]);
}
