/**
 * 0003: images gained `headline` and `extendedDescription` (IPTC Headline and Extended
 * Description). Images stored before get both as '' (not set), so that every stored image state
 * has every field of the model.
 */
export const MIGRATION_0003_IMAGE_DESCRIPTIONS = `
  UPDATE images SET data = json_insert(data, '$.headline', '', '$.extendedDescription', '');
  `;
