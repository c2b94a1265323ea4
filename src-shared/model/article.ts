import { z } from 'zod';
import { Id, Slug, Timestamp } from './common';
import { line, text } from './text';
import { checkLinkUrl } from './url';
import { cleanBody } from '../text/body';
import { lineField } from '../text/zod';
import { allKeys, lazySchema } from '../lazySchema';

export const ARTICLE_STATUSES = [
  'draft',
  'in_review',
  'approved',
  'published',
  'unpublished',
] as const;
export const ArticleStatus = lazySchema(() => z.enum(ARTICLE_STATUSES));
export type ArticleStatus = z.infer<typeof ArticleStatus>;

/** Serialized Lexical editor state ({ root: {...} }). Its inner shape is checked by src-shared/richtext. */
export const BodyJson = lazySchema(() =>
  z
    .object({ root: z.object({ type: z.literal('root'), children: z.array(z.unknown()) }).loose() })
    .loose()
    .overwrite(cleanBody),
);
export type BodyJson = z.infer<typeof BodyJson>;

export const ArticleLink = lazySchema(() =>
  z.strictObject({
    url: z
      .string()
      .max(2048)
      .superRefine((u, ctx) => {
        const r = checkLinkUrl(u);
        if (!r.ok) ctx.addIssue({ code: 'custom', message: r.reason });
      }),
    label: line(300),
  }),
);
export type ArticleLink = z.infer<typeof ArticleLink>;

export const LeadImage = lazySchema(() =>
  z.strictObject({
    imageId: Id,
    caption: text(1000),
    /**
     * The alt text for this use of the image; absent or blank: the image record's. Kept on the
     * article so that an editor can describe an image they may not change (a photo editor's).
     * Sent to desks from schemaVersion 2026-12-z.
     */
    alt: text(1000).optional(),
  }),
);
export type LeadImage = z.infer<typeof LeadImage>;

/** Search engines show about this many characters of a description; the desk counts against it. */
export const META_DESCRIPTION_GUIDE = 160;
export const META_DESCRIPTION_MAX = 300;

export const TagName = lazySchema(() =>
  lineField()
    .trim()
    .min(1, 'a tag cannot be empty')
    .max(80, 'a tag is at most 80 characters')
    .refine((t) => !/[,\n]/.test(t), 'a tag cannot contain a comma or a line break'),
);

/** The editable fields of an article: what an editor changes in one save. */
export const ArticleFields = lazySchema(() =>
  z.strictObject({
    kicker: line(200),
    headline: line(500),
    teaser: text(3000),
    byline: line(200),
    section: line(100).nullable(),
    tags: z.array(TagName).max(50),
    links: z.array(ArticleLink).max(50),
    leadImage: LeadImage.nullable(),
    /** Empty until publication derives one from the headline, or set by hand. */
    slug: z.union([z.literal(''), Slug]),
    /** What search engines show under the headline; '' = the teaser. */
    metaDescription: line(META_DESCRIPTION_MAX),
    /** The image shared on social networks; null = the lead image. */
    socialImageId: Id.nullable(),
  }),
);
export type ArticleFields = z.infer<typeof ArticleFields>;
/** The names of the editable fields, in schema order: the one list every layer iterates. */
export type ArticleFieldName = keyof ArticleFields;
/**
 * Written out rather than read from `ArticleFields.shape`, which would build the schema when
 * the module loads; `src-shared/model/fieldNames.test.ts` checks it is the shape's keys in order.
 */
export const ARTICLE_FIELD_NAMES = allKeys<ArticleFieldName>()([
  'kicker',
  'headline',
  'teaser',
  'byline',
  'section',
  'tags',
  'links',
  'leadImage',
  'slug',
  'metaDescription',
  'socialImageId',
]);

/** The editable fields of an article. */
export function pickArticleFields(a: ArticleFields): ArticleFields {
  const out: Record<string, unknown> = {};
  for (const k of ARTICLE_FIELD_NAMES) out[k] = a[k];
  return out as ArticleFields;
}

export const ArticleFieldsPatch = lazySchema(() => ArticleFields.partial());
export type ArticleFieldsPatch = z.infer<typeof ArticleFieldsPatch>;

// ---- field suggestions (suggestion mode, issue #17) --------------------------------------------
// A proposed whole new value of the kicker, headline or teaser, by one user. The field keeps its
// value until the article's author or a desk chief accepts it; nothing published reads the list.
export const SUGGESTIBLE_FIELDS = ['kicker', 'headline', 'teaser'] as const;
export const SuggestibleField = lazySchema(() => z.enum(SUGGESTIBLE_FIELDS));
export type SuggestibleField = z.infer<typeof SuggestibleField>;

/** The user who suggested (a username, as in body suggestions). */
export const SuggestionAuthor = lazySchema(() =>
  z
    .string()
    .min(1)
    .max(64)
    .regex(/^[a-z0-9][a-z0-9._-]*$/, 'must be a user name'),
);

const suggestionBase = { id: Id, author: SuggestionAuthor, at: Timestamp };

/** One open suggestion; `value` has the same limits as the field it is for. */
export const FieldSuggestion = lazySchema(() =>
  z.discriminatedUnion('field', [
    z.strictObject({
      ...suggestionBase,
      field: z.literal('kicker'),
      value: ArticleFields.shape.kicker,
    }),
    z.strictObject({
      ...suggestionBase,
      field: z.literal('headline'),
      value: ArticleFields.shape.headline,
    }),
    z.strictObject({
      ...suggestionBase,
      field: z.literal('teaser'),
      value: ArticleFields.shape.teaser,
    }),
  ]),
);
export type FieldSuggestion = z.infer<typeof FieldSuggestion>;

/** At most one open suggestion per author and field, so the list is bounded by the newsroom. */
export const MAX_FIELD_SUGGESTIONS = 150;

/** An article's open field suggestions: unique ids, one per author and field. */
export const FieldSuggestions = lazySchema(() =>
  z
    .array(FieldSuggestion)
    .max(MAX_FIELD_SUGGESTIONS)
    .superRefine((list, ctx) => {
      const ids = new Set<string>();
      const owners = new Set<string>();
      for (const s of list) {
        const owner = `${s.author}\u0000${s.field}`;
        if (ids.has(s.id))
          ctx.addIssue({ code: 'custom', message: `duplicate suggestion id ${s.id}` });
        if (owners.has(owner)) {
          ctx.addIssue({
            code: 'custom',
            message: `${s.author} has more than one open suggestion on the ${s.field}`,
          });
        }
        ids.add(s.id);
        owners.add(owner);
      }
    }),
);
export type FieldSuggestions = z.infer<typeof FieldSuggestions>;

/** The open suggestions of an article (an article stored before they existed has none). */
export function fieldSuggestionsOf(a: {
  fieldSuggestions?: FieldSuggestions | undefined;
}): FieldSuggestions {
  return a.fieldSuggestions ?? [];
}

export const Article = lazySchema(() =>
  ArticleFields.extend({
    id: Id,
    body: BodyJson,
    status: ArticleStatus,
    authorId: z.string().nullable(),
    assigneeId: z.string().nullable(),
    revision: z.number().int().nonnegative(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    publishedAt: Timestamp.nullable(),
    deletedAt: Timestamp.nullable(),
    /**
     * When the server publishes this approved article by itself (UTC ISO); null or absent: not
     * scheduled. Set by `article.schedule`, cleared when it is published or leaves "approved".
     */
    scheduledAt: Timestamp.nullable().optional(),
    /** Publishing (by hand or on schedule) is refused before this time (UTC ISO); null: none. */
    embargoUntil: Timestamp.nullable().optional(),
    /**
     * Username of whoever made the last change a sync brought in (the pulled change's `actor`);
     * null or absent for an article no pull has brought yet, or from a server that does not say.
     * Local only: not part of the server's ArticleState.
     */
    updatedBy: z.string().nullable().optional(),
    /** Open suggestions on kicker, headline and teaser; absent: none (stored before they existed). */
    fieldSuggestions: FieldSuggestions.optional(),
  }),
);
export type Article = z.infer<typeof Article>;

/** What a list row needs: no body. */
export const ArticleSummary = lazySchema(() =>
  Article.pick({
    id: true,
    kicker: true,
    headline: true,
    teaser: true,
    section: true,
    tags: true,
    status: true,
    updatedAt: true,
    createdAt: true,
    deletedAt: true,
    scheduledAt: true,
    embargoUntil: true,
    authorId: true,
  }).extend({
    wordCount: z.number().int().nonnegative(),
    /** Unresolved sync conflicts or rejected changes are waiting on this article. */
    hasConflict: z.boolean(),
    /** Who deleted it (username), when known; only in the Trash. */
    deletedBy: z.string().nullable().optional(),
  }),
);
export type ArticleSummary = z.infer<typeof ArticleSummary>;

export function emptyBody(): BodyJson {
  return {
    root: {
      type: 'root',
      children: [],
      direction: null,
      format: '',
      indent: 0,
      version: 1,
    },
  };
}

export function emptyFields(): ArticleFields {
  return {
    kicker: '',
    headline: '',
    teaser: '',
    byline: '',
    section: null,
    tags: [],
    links: [],
    leadImage: null,
    slug: '',
    metaDescription: '',
    socialImageId: null,
  };
}
