import { describe, expect, it } from 'vitest';
import { messagePage } from './pages';

const sections = [
  { slug: 'politik', name: 'Politik' },
  { slug: 'wirtschaft', name: 'Wirtschaft' },
  { slug: 'oekonomie', name: 'Ökonomie' },
  { slug: 'digitalisierung', name: 'Digitalisierung' },
];

const navOf = (html: string) =>
  [...html.matchAll(/<a href="\/sections\/([^"]+)">/g)].map((m) => m[1]);

describe('the site navigation (every page, the desk preview too, goes through one layout)', () => {
  it('lists the sections by name as German readers sort them, whatever order they came in', () => {
    for (const order of [sections, [...sections].reverse()]) {
      const html = messagePage('Nicht gefunden', 'Diese Seite gibt es nicht.', {
        sections: order,
        baseUrl: 'https://example.test',
      });
      expect(navOf(html)).toEqual(['digitalisierung', 'oekonomie', 'politik', 'wirtschaft']);
      expect(html).toContain('<nav aria-label="Ressorts">');
    }
  });
});
