export const en = {
  app: {
    name: 'Copydesk',
    nav: { label: 'Main', articles: 'Articles', images: 'Images', review: 'Review', settings: 'Settings', soon: 'coming soon' },
    newArticle: 'New article',
    storeChecking: 'Checking the local database…',
    storeCorrupt: 'Local database problem',
    error: 'Something went wrong',
    dismiss: 'Dismiss',
  },
  list: {
    label: 'Articles',
    search: 'Search articles',
    searchPlaceholder: 'Search headline, text, tags…',
    empty: 'No articles yet. Create one with "New article".',
    noResults: 'No article matches "{{query}}".',
    count_one: '{{count}} article',
    count_other: '{{count}} articles',
    results_one: '{{count}} result',
    results_other: '{{count}} results',
    untitled: '(untitled)',
    words: '{{count}} words',
    loading: 'Loading…',
    status: { draft: 'Draft', in_review: 'In review', approved: 'Approved', published: 'Published', unpublished: 'Unpublished' },
  },
  settings: {
    title: 'Settings',
    language: 'Language',
    languageSystem: 'System ({{lang}})',
    headlineLimit: 'Headline soft limit',
    teaserLimit: 'Teaser soft limit',
    profile: 'Profile folder',
    database: 'Database',
  },
  stub: {
    headline: 'Headline',
    close: 'Close',
    note: 'The full editor comes next.',
  },
};

export type Messages = typeof en;
