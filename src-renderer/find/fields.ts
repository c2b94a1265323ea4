/** The article's plain-text fields that find and replace cover besides the body. */
export type FindableFields = Record<'kicker' | 'headline' | 'teaser' | 'byline', string>;
