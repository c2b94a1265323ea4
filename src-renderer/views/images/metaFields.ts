import { ImageMeta, type ImageMetaPatch } from '../../../src-shared/model';

/** The editable fields in display order; `licence` is free text, its expiry a date. */
export const META_FIELDS = [
  { key: 'credit', multiline: false },
  { key: 'headline', multiline: false },
  { key: 'caption', multiline: true },
  { key: 'alt', multiline: true },
  { key: 'extendedDescription', multiline: true },
  { key: 'creator', multiline: false },
  { key: 'copyright', multiline: false },
  { key: 'source', multiline: false },
  { key: 'licence', multiline: false },
  { key: 'licenceExpires', multiline: false },
] as const satisfies readonly { key: keyof ImageMeta; multiline: boolean }[];

export type MetaKey = (typeof META_FIELDS)[number]['key'];
/** The form's view of the metadata: every field a string ('' = not set). */
export type MetaValues = Record<MetaKey, string>;

export type FieldProblem = { kind: 'tooLong'; max: number } | { kind: 'badDate' } | null;

export function valuesOf(meta: ImageMeta): MetaValues {
  const out = {} as MetaValues;
  for (const { key } of META_FIELDS) out[key] = meta[key] ?? '';
  return out;
}

function isCalendarDate(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === v;
}

/** What is wrong with a value, checked against the same schema the core applies. */
export function problemOf(key: MetaKey, value: string): FieldProblem {
  if (key === 'licenceExpires') {
    const v = value.trim();
    return v === '' || (isCalendarDate(v) && ImageMeta.shape.licenceExpires.safeParse(v).success)
      ? null
      : { kind: 'badDate' };
  }
  const schema = ImageMeta.shape[key];
  const max = schema.maxLength ?? Infinity;
  return value.length > max ? { kind: 'tooLong', max } : null;
}

/** The patch for the given fields, in the core's shape. */
export function patchOf(values: MetaValues, keys: Iterable<MetaKey>): ImageMetaPatch {
  const patch: ImageMetaPatch = {};
  for (const key of keys) {
    if (key === 'licenceExpires') patch.licenceExpires = values.licenceExpires.trim() || null;
    else patch[key] = values[key];
  }
  return patch;
}
