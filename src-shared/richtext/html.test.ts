import { IS_BOLD, IS_CODE, IS_ITALIC, IS_STRIKETHROUGH, IS_UNDERLINE } from 'lexical';
import { describe, expect, it } from 'vitest';
import {
  body,
  heading,
  image,
  lineBreak,
  link,
  list,
  listItem,
  paragraph,
  quote,
  text,
} from './builders';
import { articleParser, parseBody } from './headless';
import { $renderArticleHtml, escapeHtml, renderBodyHtml, type RenderOptions } from './html';
import { bodyFromParagraphs } from './plainText';

const cdn: RenderOptions = {
  imageSrc: (id) => ({
    src: `https://cdn.example/${id}.jpg`,
    srcset: `https://cdn.example/${id}@2x.jpg 2x`,
  }),
};

const SEED = [
  'Stadt Münster und Landschaftsverband Westfalen-Lippe (LWL) beschließen Kooperation bei IT.',
  'Georg Lunemann begrüßte die Kooperation: „Durch diesen Schritt wollen wir die Stärken der IT-Dienstleister miteinander verbinden.“',
];

describe('renderBodyHtml', () => {
  it('renders the seed article as semantic HTML, German text intact', () => {
    const html = renderBodyHtml(
      body(
        paragraph([text(SEED[0] ?? '')]),
        heading('h2', [text('„Großer Schritt“')]),
        paragraph([text(SEED[1] ?? '')]),
        paragraph([
          link('http://www.lwl.it', [text('www.lwl.it')]),
          lineBreak(),
          link('http://www.citeq.de', [text('www.citeq.de')], '_blank'),
        ]),
        image({
          imageId: 'lwl',
          alt: 'Das LWL-Landeshaus',
          caption: 'Das Landeshaus in Münster',
          credit: 'LWL',
          width: 1200,
          height: 800,
        }),
      ),
      cdn,
    );
    expect(html).toBe(
      `<p>${SEED[0]}</p>` +
        '<h2>„Großer Schritt“</h2>' +
        `<p>${SEED[1]}</p>` +
        '<p><a href="http://www.lwl.it/">www.lwl.it</a><br />' +
        '<a href="http://www.citeq.de/" target="_blank" rel="noopener noreferrer">www.citeq.de</a></p>' +
        '<figure><img src="https://cdn.example/lwl.jpg" srcset="https://cdn.example/lwl@2x.jpg 2x" alt="Das LWL-Landeshaus" width="1200" height="800" loading="lazy" />' +
        '<figcaption>Das Landeshaus in Münster <span class="credit">Bildquelle: LWL</span></figcaption></figure>',
    );
  });

  it('maps text formats to nested semantic tags in a fixed order', () => {
    const all = IS_BOLD | IS_ITALIC | IS_UNDERLINE | IS_STRIKETHROUGH | IS_CODE;
    expect(
      renderBodyHtml(
        body(paragraph([text('a', { format: all }), text(' b ', { format: IS_ITALIC | 128 })])),
      ),
    ).toBe('<p><strong><em><u><s><code>a</code></s></u></em></strong><em> b </em></p>');
  });

  it('clamps headings to h2–h4', () => {
    const html = renderBodyHtml(
      body(...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((tag) => heading(tag, [text(tag)]))),
    );
    expect(html).toBe('<h2>h1</h2><h2>h2</h2><h3>h3</h3><h4>h4</h4><h4>h5</h4><h4>h6</h4>');
  });

  it('renders lists with nested lists inside the previous item, start and check lists', () => {
    const html = renderBodyHtml(
      body(
        {
          ...list('number', [
            listItem([text('eins')]),
            listItem([list('bullet', [listItem([text('a')]), listItem([text('b')])])]),
            listItem([text('zwei')]),
          ]),
          start: 4,
        },
        list('check', [listItem([text('erledigt')])]),
        list('bullet', []),
      ),
    );
    expect(html).toBe(
      '<ol start="4"><li>eins<ul><li>a</li><li>b</li></ul></li><li>zwei</li></ol><ul><li>erledigt</li></ul>',
    );
  });

  it('renders quotes with inline content or blocks', () => {
    expect(renderBodyHtml(body(quote([text('Zitat'), lineBreak(), text('zwei')])))).toBe(
      '<blockquote><p>Zitat<br />zwei</p></blockquote>',
    );
    expect(
      renderBodyHtml(
        body({
          type: 'quote',
          shadowRoot: true,
          children: [paragraph([text('A')]), heading('h3', [text('B')])],
        }),
      ),
    ).toBe('<blockquote><p>A</p><h3>B</h3></blockquote>');
  });

  it('skips empty blocks and renders an unlinked autolink as text', () => {
    expect(
      renderBodyHtml(
        body(
          paragraph([]),
          heading('h2', []),
          quote([]),
          paragraph([
            { type: 'autolink', url: 'https://a.de', isUnlinked: true, children: [text('a.de')] },
          ]),
        ),
      ),
    ).toBe('<p>a.de</p>');
  });

  it('takes image URLs only from imageSrc and omits images it cannot resolve', () => {
    const img = image({
      imageId: 'x1',
      src: 'https://evil.example/track.gif',
      caption: 'Nur Text',
    });
    expect(renderBodyHtml(body(img))).toBe('');
    expect(renderBodyHtml(body(img), { imageSrc: () => null })).toBe('');
    expect(renderBodyHtml(body(image({ src: 'https://cdn.example/x.jpg' })), cdn)).toBe('');
    expect(
      renderBodyHtml(body(img), {
        imageSrc: (id) => ({ src: `/media/${id}.webp`, width: 10, height: 20 }),
      }),
    ).toBe(
      '<figure><img src="/media/x1.webp" alt="" width="10" height="20" loading="lazy" /><figcaption>Nur Text</figcaption></figure>',
    );
  });

  it('renders a credit without caption, and no figcaption when both are empty', () => {
    expect(
      renderBodyHtml(body(image({ imageId: 'a', credit: ' LWL ' })), {
        imageSrc: () => ({ src: 'https://c.de/a' }),
      }),
    ).toBe(
      '<figure><img src="https://c.de/a" alt="" loading="lazy" /><figcaption><span class="credit">Bildquelle: LWL</span></figcaption></figure>',
    );
    expect(
      renderBodyHtml(body(image({ imageId: 'a' })), {
        imageSrc: () => ({ src: 'https://c.de/a' }),
      }),
    ).toBe('<figure><img src="https://c.de/a" alt="" loading="lazy" /></figure>');
  });

  it('allows extra image schemes only when asked (in-app preview)', () => {
    const preview: RenderOptions = { imageSrc: (id) => ({ src: `app://media/${id}` }) };
    expect(renderBodyHtml(body(image({ imageId: 'a' })), preview)).toBe('');
    expect(
      renderBodyHtml(body(image({ imageId: 'a' })), { ...preview, imageSchemes: ['app'] }),
    ).toBe('<figure><img src="app://media/a" alt="" loading="lazy" /></figure>');
  });

  it('exposes the walker for use inside read()', () => {
    const state = parseBody(body(paragraph([text('<b>')])));
    expect(state.read(() => $renderArticleHtml(), { editor: articleParser() })).toBe(
      '<p>&lt;b&gt;</p>',
    );
  });

  it('escapes all five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;',
    );
  });

  it('renders a 1,000-paragraph body', () => {
    const paragraphs = Array.from({ length: 1000 }, (_, i) => `${SEED[i % 2] ?? ''} (${i})`);
    const html = renderBodyHtml(bodyFromParagraphs(paragraphs));
    expect(html.match(/<p>/g)).toHaveLength(1000);
    expect(html.endsWith('(999)</p>')).toBe(true);
  });
});
