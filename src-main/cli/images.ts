/**
 * The photo desk's commands: `image import FILE…`, `image show ID`, `image set ID FIELD VALUE`,
 * `image list`. They call the same DesktopApi methods as the app, so an import or a change is
 * stored and queued for sync exactly as one made in the image library.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DesktopApi } from '../../src-shared/api';
import {
  IMAGE_MAX_BYTES,
  ImageMeta,
  type Image,
  type ImageMetaPatch,
} from '../../src-shared/model';

export class ImageUsageError extends Error {}

export const IMAGE_USAGE = `  image import FILE…                         import image files (JPEG, PNG, WebP); prints the ids
  image show ID | image list                 one image's metadata | every image
  image set ID FIELD VALUE                   change one field: ${Object.keys(ImageMeta.shape).join(', ')}`;

const FIELDS = Object.keys(ImageMeta.shape) as (keyof ImageMeta)[];

function isField(name: string): name is keyof ImageMeta {
  return (FIELDS as string[]).includes(name);
}

/** The patch for one field, checked against the model before anything is written. */
export function imageFieldPatch(field: string, raw: string): ImageMetaPatch {
  if (!isField(field)) {
    throw new ImageUsageError(`Unknown image field "${field}". Fields: ${FIELDS.join(', ')}.`);
  }
  const value = field === 'licenceExpires' && (raw === '' || raw === 'null') ? null : raw;
  const parsed = ImageMeta.shape[field].safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ImageUsageError(`${field}: ${issue?.message ?? 'invalid value'}`);
  }
  return { [field]: parsed.data };
}

function readImageFile(file: string): Buffer {
  const path = resolve(file);
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new Error('not a file');
    size = st.size;
  } catch {
    throw new Error(`Cannot read "${file}": there is no such file.`);
  }
  if (size > IMAGE_MAX_BYTES) {
    throw new Error(`"${file}" cannot be imported: the file is larger than 50 MB.`);
  }
  return readFileSync(path);
}

const LABELS: [keyof Image, string][] = [
  ['fileName', 'file'],
  ['credit', 'credit'],
  ['creator', 'creator'],
  ['copyright', 'copyright'],
  ['source', 'source'],
  ['licence', 'licence'],
  ['licenceExpires', 'licence expires'],
  ['headline', 'headline'],
  ['caption', 'caption'],
  ['alt', 'alt text'],
  ['extendedDescription', 'extended description'],
  ['keywords', 'keywords'],
];

function describeImage(i: Image): string {
  const lines = [`${i.id}\t${i.mime}\t${i.width} × ${i.height} px`];
  for (const [key, label] of LABELS) {
    const v = i[key];
    const text = Array.isArray(v) ? v.join(', ') : String(v ?? '');
    if (text !== '') lines.push(`${label}: ${text.replace(/\n/g, ' / ')}`);
  }
  return lines.join('\n');
}

async function allImages(api: DesktopApi): Promise<Image[]> {
  const items: Image[] = [];
  for (;;) {
    const page = await api['images.list']({ offset: items.length, limit: 500, sort: 'oldest' });
    items.push(...page.items);
    if (page.items.length === 0 || items.length >= page.total) return items;
  }
}

export async function runImageCommand(
  api: DesktopApi,
  p: string[],
): Promise<{ json: unknown; text: string }> {
  const [sub, ...rest] = p;
  switch (sub) {
    case 'import': {
      if (rest.length === 0) throw new ImageUsageError('usage: image import FILE…');
      // Every file is read before the first import, so a missing one imports nothing.
      const files = rest.map((f) => ({ fileName: f, bytes: readImageFile(f) }));
      const imported = [];
      for (const f of files) {
        imported.push(
          await api['images.import']({
            fileName: f.fileName,
            dataBase64: f.bytes.toString('base64'),
          }),
        );
      }
      return {
        json: imported.length === 1 ? imported[0] : imported,
        text: imported
          .map((i) => `${i.id}${i.existing ? '\t(already in the library)' : ''}`)
          .join('\n'),
      };
    }
    case 'show': {
      const [id] = rest;
      if (!id) throw new ImageUsageError('usage: image show ID');
      const i = await api['images.get']({ id });
      return { json: i, text: describeImage(i) };
    }
    case 'set': {
      const [id, field, value] = rest;
      if (id === undefined || field === undefined || value === undefined) {
        throw new ImageUsageError('usage: image set ID FIELD VALUE');
      }
      const i = await api['images.setMeta']({ id, meta: imageFieldPatch(field, value) });
      return { json: i, text: `${field} of image ${i.id} set.` };
    }
    case 'list': {
      const items = await allImages(api);
      return {
        json: { items, total: items.length },
        text: items
          .map((i) => `${i.id}\t${i.credit || '(no credit)'}\t${i.caption || i.fileName}`)
          .join('\n'),
      };
    }
    default:
      throw new ImageUsageError(`usage:\n${IMAGE_USAGE}`);
  }
}
