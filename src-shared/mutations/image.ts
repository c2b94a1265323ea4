/**
 * Image mutations. The blob (by sha256) is uploaded before `image.create` is pushed; the server
 * answers a transient 503 while the blob is missing.
 */
import { z } from 'zod';
import { Id } from '../model';
import { mergeFields, type FieldPolicy } from '../merge';
import { mayEditImage } from '../workflow';
import {
  ImageMetaFields,
  ImageMetaPatch,
  ImageMime,
  Sha256Hex,
  allowedIf,
  anyone,
  emptyImageMeta,
  fail,
  noop,
  type ImageFieldName,
  type ImageState,
  type MutationDef,
} from './types';
import { lazySchema } from '../lazySchema';

export const IMAGE_FIELD_POLICY: Record<ImageFieldName, FieldPolicy> = {
  fileName: 'editorial',
  credit: 'editorial',
  creator: 'editorial',
  copyright: 'editorial',
  source: 'editorial',
  licence: 'editorial',
  licenceExpires: 'editorial',
  caption: 'editorial',
  headline: 'editorial',
  alt: 'editorial',
  extendedDescription: 'editorial',
};

export const ImageCreateArgs = lazySchema(() =>
  z.strictObject({
    id: Id,
    sha256: Sha256Hex,
    mime: ImageMime,
    width: z.number().int().min(0).max(100_000),
    height: z.number().int().min(0).max(100_000),
    meta: ImageMetaPatch.default({}),
  }),
);
export type ImageCreateArgs = z.infer<typeof ImageCreateArgs>;

export const imageCreate: MutationDef<ImageCreateArgs, ImageState> = {
  name: 'image.create',
  entity: 'image',
  args: ImageCreateArgs,
  description: 'Registers an uploaded image (blob by sha256) with its metadata (idempotent by id).',
  entityId: (a) => a.id,
  serverOnly: () => false,
  prefetch: () => ({}),
  authorize: anyone,
  apply(state, args, ctx) {
    if (state) {
      return state.sha256 === args.sha256
        ? noop(state)
        : fail('exists', 'An image with this id already exists with other bytes.');
    }
    const meta = { ...emptyImageMeta(), ...args.meta };
    const fieldVersions: Record<string, number> = {};
    for (const f of Object.keys(meta)) fieldVersions[f] = ctx.version;
    return {
      ok: true,
      outcome: 'applied',
      state: {
        ...meta,
        id: args.id,
        sha256: args.sha256,
        mime: args.mime,
        width: args.width,
        height: args.height,
        createdBy: ctx.authorId,
        version: ctx.version,
        fieldVersions,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      },
      changed: ['*'],
      conflicts: [],
      bodyWritten: false,
    };
  },
};

export const ImageSetMetaArgs = lazySchema(() =>
  z.strictObject({
    id: Id,
    baseVersion: z.number().int().nonnegative(),
    values: ImageMetaPatch.refine(
      (v) => Object.keys(v).length > 0,
      'values must name at least one field',
    ),
    baseValues: ImageMetaPatch.default({}),
  }),
);
export type ImageSetMetaArgs = z.infer<typeof ImageSetMetaArgs>;

export const imageSetMeta: MutationDef<ImageSetMetaArgs, ImageState> = {
  name: 'image.setMeta',
  entity: 'image',
  args: ImageSetMetaArgs,
  description: 'Changes image metadata (credit, caption, alt, rights…), merged field by field.',
  entityId: (a) => a.id,
  serverOnly: () => false,
  prefetch: () => ({}),
  authorize: (state, _args, actor) => (state ? allowedIf(mayEditImage(state, actor)) : null),
  apply(state, args, ctx) {
    if (!state) return fail('not_found', `There is no image ${args.id}.`);
    const current = ImageMetaFields.parse(
      Object.fromEntries(
        Object.keys(ImageMetaFields.shape).map((k) => [k, state[k as ImageFieldName]]),
      ),
    );
    const { patch, conflicts } = mergeFields<ImageMetaFields>({
      current,
      fieldVersions: state.fieldVersions,
      baseVersion: args.baseVersion,
      values: args.values,
      baseValues: args.baseValues,
      policy: IMAGE_FIELD_POLICY,
    });
    const changed = Object.keys(patch);
    if (changed.length === 0 && conflicts.length === 0) return noop(state);
    const fieldVersions = { ...state.fieldVersions };
    for (const f of changed) fieldVersions[f] = ctx.version;
    return {
      ok: true,
      outcome:
        conflicts.length > 0
          ? 'conflict'
          : changed.length === Object.keys(args.values).length
            ? 'applied'
            : 'merged',
      state: { ...state, ...patch, fieldVersions, version: ctx.version, updatedAt: ctx.now },
      changed,
      conflicts: conflicts.map((c) => ({
        entityType: 'image' as const,
        entityId: state.id,
        field: c.field,
        base: c.base,
        theirs: c.theirs,
        mine: c.mine,
      })),
      bodyWritten: false,
    };
  },
};
