/** Who publishes the site: the names feeds, page metadata and structured data give. */
export const SITE_NAME = 'Copydesk';
export const PUBLISHER_NAME = 'Copydesk Redaktion';
export const SITE_LANGUAGE = 'de';
