import type { Messages } from './en';

export const de: Messages = {
  app: {
    name: 'Copydesk',
    nav: { label: 'Hauptmenü', articles: 'Artikel', images: 'Bilder', review: 'Abnahme', settings: 'Einstellungen', soon: 'demnächst' },
    newArticle: 'Neuer Artikel',
    storeChecking: 'Lokale Datenbank wird geprüft …',
    storeCorrupt: 'Problem mit der lokalen Datenbank',
    error: 'Etwas ist schiefgegangen',
    dismiss: 'Schließen',
  },
  list: {
    label: 'Artikel',
    search: 'Artikel suchen',
    searchPlaceholder: 'Überschrift, Text, Stichwörter suchen …',
    empty: 'Noch keine Artikel. Legen Sie einen mit „Neuer Artikel“ an.',
    noResults: 'Kein Artikel passt zu „{{query}}“.',
    count_one: '{{count}} Artikel',
    count_other: '{{count}} Artikel',
    results_one: '{{count}} Treffer',
    results_other: '{{count}} Treffer',
    untitled: '(ohne Titel)',
    words: '{{count}} Wörter',
    loading: 'Lädt …',
    status: { draft: 'Entwurf', in_review: 'In Abnahme', approved: 'Freigegeben', published: 'Veröffentlicht', unpublished: 'Zurückgezogen' },
  },
  settings: {
    title: 'Einstellungen',
    language: 'Sprache',
    languageSystem: 'System ({{lang}})',
    headlineLimit: 'Richtlänge Überschrift',
    teaserLimit: 'Richtlänge Teaser',
    profile: 'Profilordner',
    database: 'Datenbank',
  },
  stub: {
    headline: 'Überschrift',
    close: 'Schließen',
    note: 'Der vollständige Editor folgt.',
  },
};
