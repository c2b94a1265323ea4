import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bodyFromParagraphs } from '../../src-shared/richtext/plainText';

const here = fileURLToPath(new URL('.', import.meta.url));

/** The demo article (resources/demo/seed-article.txt), split into Copydesk's fields. */
export function fixtureArticle() {
  const text = readFileSync(`${here}../../resources/demo/seed-article.txt`, 'utf8');
  const lines = text.split('\n').map((l) => l.trim());
  const teaserLine = lines.find((l) => l.startsWith('[13.12.2016]'))!;
  const bodyLine = lines.find((l) => l.startsWith('Stadt Münster und Landschaftsverband'))!;
  const body = bodyLine.replace(/\s*\(bs\)$/, '');
  return {
    kicker: 'Münster/LWL:',
    headline: 'IT-Kooperation beschlossen',
    teaser: teaserLine.replace('[13.12.2016] ', ''),
    bodyText: body,
    body: bodyFromParagraphs([body]),
    byline: 'bs',
    section: 'politik',
    tags: ['Politik', 'citeq', 'Münster', 'Landschaftsverband Westfalen-Lippe (LWL)', 'LWL.IT'],
    links: [
      { url: 'http://www.lwl.it', label: 'www.lwl.it' },
      { url: 'http://www.citeq.de', label: 'www.citeq.de' },
    ],
    credit: 'LWL',
  };
}

/** articles.create's input for the demo article with every field its checklist needs to submit. */
export function submittableArticle(f: ReturnType<typeof fixtureArticle> = fixtureArticle()) {
  const { kicker, headline, teaser, byline, section, tags, body } = f;
  return { fields: { kicker, headline, teaser, byline, section, tags }, body };
}
