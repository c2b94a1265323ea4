/**
 * Hostile input corpus for the publishing renderer.
 * Every case asserts the exact output (or the exact error code); every produced HTML string is
 * also checked for properties that must never hold, whatever the case.
 * Re-run on every Lexical or sanitize-html upgrade.
 */
import { describe, expect, it } from 'vitest';
import {
  body,
  heading,
  image,
  link,
  list,
  listItem,
  paragraph,
  text,
  type NodeJson,
} from './builders';
import { BodyError, MAX_BODY_BYTES } from './headless';
import { renderBodyHtml, type ImageSource, type RenderOptions } from './html';
import { sanitizeArticleHtml } from './sanitize';

const ALLOWED_TAGS = new Set([
  'p',
  'h2',
  'h3',
  'h4',
  'blockquote',
  'ul',
  'ol',
  'li',
  'br',
  'strong',
  'em',
  'u',
  's',
  'code',
  'sub',
  'sup',
  'a',
  'figure',
  'img',
  'figcaption',
  'span',
]);

const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  a: ['href', 'target', 'rel'],
  img: ['src', 'srcset', 'sizes', 'alt', 'width', 'height', 'loading'],
  ol: ['start'],
  span: ['class'],
};

/**
 * Properties of the markup, whatever the case: only allowlisted tags and attributes (so no
 * on* handlers, no style), no dangerous or protocol-relative URLs, no class but "credit",
 * rel="noopener noreferrer" on every target. Text and attribute values are escaped, so
 * `<`, `>` and `"` in the output are always real markup.
 */
function assertSafeMarkup(html: string): void {
  expect(html).not.toMatch(/<script/i);
  for (const [tag] of html.matchAll(/<[^>]*>/g)) {
    const [, closing, name = ''] = /^<(\/?)([a-z0-9]+)/.exec(tag) ?? [];
    expect(ALLOWED_TAGS.has(name), `tag ${tag}`).toBe(true);
    const rest = tag.slice(1 + (closing?.length ?? 0) + name.length).replace(/\s*\/?>$/, '');
    const attributes = [...rest.matchAll(/\s([a-z-]+)="([^"]*)"/g)].map(([, k = '', v = '']) => [
      k,
      v,
    ]);
    expect(attributes.map(([k, v]) => ` ${k}="${v}"`).join(''), `attributes of ${tag}`).toBe(rest);
    const map = new Map(attributes as [string, string][]);
    for (const [key, value] of map) {
      expect(ALLOWED_ATTRIBUTES[name] ?? [], `${key} on ${tag}`).toContain(key);
      if (key === 'href' || key === 'src') {
        expect(value).toMatch(/^(?:https?:\/\/[^/]|mailto:|\/(?![/\\]))/);
      }
      if (key === 'class') expect(value).toBe('credit');
    }
    if (map.has('target'))
      expect([map.get('target'), map.get('rel')]).toEqual(['_blank', 'noopener noreferrer']);
  }
}

const cdn = (id: string): ImageSource => ({ src: `https://cdn.example/${id}.jpg` });
const p = (...children: NodeJson[]) => body(paragraph(children));
const linkTo = (url: string, target?: string) => p(link(url, [text('klick')], target));

type Case = [
  name: string,
  input: unknown,
  /** exact HTML, or the BodyError code */
  expected: string,
  options?: RenderOptions,
];

const CASES: Case[] = [
  // link schemes
  ['javascript: link', linkTo('javascript:alert(1)'), '<p>klick</p>'],
  ['mixed-case JaVaScRiPt: link', linkTo('JaVaScRiPt:alert(1)'), '<p>klick</p>'],
  ['javascript: with leading spaces', linkTo('   javascript:alert(1)'), '<p>klick</p>'],
  ['java<TAB>script:', linkTo('java\tscript:alert(1)'), '<p>klick</p>'],
  ['java<NEWLINE>script:', linkTo('java\nscript:alert(1)'), '<p>klick</p>'],
  ['java&#x09;script: as literal text', linkTo('java&#x09;script:alert(1)'), '<p>klick</p>'],
  ['javascript&colon; as literal text', linkTo('javascript&colon;alert(1)'), '<p>klick</p>'],
  ['NUL before javascript:', linkTo('\u0000javascript:alert(1)'), '<p>klick</p>'],
  [
    'data:text/html link',
    linkTo('data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='),
    '<p>klick</p>',
  ],
  ['vbscript: link', linkTo('vbscript:msgbox(1)'), '<p>klick</p>'],
  ['file: link', linkTo('file:///etc/passwd'), '<p>klick</p>'],
  ['tel: link (not in the policy)', linkTo('tel:+491234'), '<p>klick</p>'],
  ['protocol-relative link', linkTo('//evil.example/x'), '<p>klick</p>'],
  ['backslash protocol-relative link', linkTo('\\\\evil.example/x'), '<p>klick</p>'],
  ['credentials in the URL', linkTo('http://user:pass@host.example/'), '<p>klick</p>'],
  ['relative link', linkTo('/intern/seite'), '<p>klick</p>'],
  ['over-long URL', linkTo(`https://example.org/${'a'.repeat(3000)}`), '<p>klick</p>'],
  [
    'javascript: autolink',
    p({ type: 'autolink', url: 'javascript:alert(1)', children: [text('x')] }),
    '<p>x</p>',
  ],
  [
    'attribute breakout in an https URL',
    linkTo('https://ok.example/" onmouseover="alert(1)'),
    '<p><a href="https://ok.example/%22%20onmouseover=%22alert(1)">klick</a></p>',
  ],
  [
    'attribute breakout in a mailto URL',
    linkTo('mailto:a@b.de?subject="><script>alert(1)</script>'),
    '<p><a href="mailto:a@b.de?subject=&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">klick</a></p>',
  ],
  [
    'control characters inside the host',
    linkTo('https://exa\nmple.org'),
    '<p><a href="https://example.org/">klick</a></p>',
  ],
  [
    'target other than _blank and a hostile rel',
    p({
      type: 'link',
      url: 'https://a.example',
      target: '_top',
      rel: 'opener',
      title: '" onclick="x',
      children: [text('a')],
    }),
    '<p><a href="https://a.example/">a</a></p>',
  ],
  [
    '_blank link gets noopener noreferrer, whatever rel says',
    p({
      type: 'link',
      url: 'https://a.example',
      target: '_blank',
      rel: 'opener',
      children: [text('a')],
    }),
    '<p><a href="https://a.example/" target="_blank" rel="noopener noreferrer">a</a></p>',
  ],
  // styles
  [
    'position:fixed in TextNode.style',
    p(text('x', { style: 'position:fixed;top:0;left:0;width:100%' })),
    '<p>x</p>',
  ],
  [
    'url(javascript:) in TextNode.style',
    p(text('x', { style: 'background:url(javascript:alert(1))' })),
    '<p>x</p>',
  ],
  [
    'alignment, indent and styles on blocks',
    body({
      type: 'paragraph',
      format: 'center',
      indent: 3,
      style: 'color:red',
      textStyle: 'font-size:99px',
      children: [text('x')],
    }),
    '<p>x</p>',
  ],
  // markup inside text
  [
    '<script> in text',
    p(text('<script>alert(1)</script>')),
    '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>',
  ],
  [
    '<img onerror> in text',
    p(text('<img src=x onerror=alert(1)>')),
    '<p>&lt;img src=x onerror=alert(1)&gt;</p>',
  ],
  ['<svg onload> in text', p(text('<svg onload=alert(1)>')), '<p>&lt;svg onload=alert(1)&gt;</p>'],
  [
    '<iframe> in text',
    p(text('<iframe src="javascript:alert(1)"></iframe>')),
    '<p>&lt;iframe src="javascript:alert(1)"&gt;&lt;/iframe&gt;</p>',
  ],
  [
    'closing tags and comments in text',
    p(text('</p><p onclick=x>--><!--')),
    '<p>&lt;/p&gt;&lt;p onclick=x&gt;--&gt;&lt;!--</p>',
  ],
  [
    'entities in text stay literal',
    p(text('&lt;b&gt; &amp; &#x3C;')),
    '<p>&amp;lt;b&amp;gt; &amp;amp; &amp;#x3C;</p>',
  ],
  [
    '<script> as heading text',
    body(heading('h2', [text('<script>x</script>')])),
    '<h2>&lt;script&gt;x&lt;/script&gt;</h2>',
  ],
  // images
  [
    'attribute breakout in alt, caption and credit',
    body(
      image({
        imageId: 'a1',
        alt: '" onerror="alert(1)',
        caption: '<script>x</script>',
        credit: '"><img src=x onerror=alert(1)>',
      }),
    ),
    '<figure><img src="https://cdn.example/a1.jpg" alt="&quot; onerror=&quot;alert(1)" loading="lazy" />' +
      '<figcaption>&lt;script&gt;x&lt;/script&gt; <span class="credit">Bildquelle: "&gt;&lt;img src=x onerror=alert(1)&gt;</span></figcaption></figure>',
    { imageSrc: cdn },
  ],
  [
    'javascript: src in JSON is never used',
    body(image({ imageId: 'a1', src: 'javascript:alert(1)' })),
    '<figure><img src="https://cdn.example/a1.jpg" alt="" loading="lazy" /></figure>',
    { imageSrc: cdn },
  ],
  [
    'blob: src in JSON is never used',
    body(image({ imageId: 'a1', src: 'blob:https://x.example/0b1c' })),
    '<figure><img src="https://cdn.example/a1.jpg" alt="" loading="lazy" /></figure>',
  ],
  [
    'blob: src in JSON without a resolver',
    body(image({ imageId: 'a1', src: 'blob:https://x.example/0b1c' })),
    '',
    { imageSrc: () => null },
  ],
  [
    'resolver returning blob:',
    body(image({ imageId: 'a1' })),
    '',
    { imageSrc: () => ({ src: 'blob:https://x.example/0b1c' }) },
  ],
  [
    'resolver returning javascript:',
    body(image({ imageId: 'a1' })),
    '',
    { imageSrc: () => ({ src: 'javascript:alert(1)' }) },
  ],
  [
    'resolver returning data:',
    body(image({ imageId: 'a1' })),
    '',
    { imageSrc: () => ({ src: 'data:image/svg+xml,<svg onload=alert(1)>' }) },
  ],
  [
    'resolver returning protocol-relative',
    body(image({ imageId: 'a1' })),
    '',
    { imageSrc: () => ({ src: '//evil.example/a.jpg' }) },
  ],
  [
    'resolver returning credentials',
    body(image({ imageId: 'a1' })),
    '',
    { imageSrc: () => ({ src: 'https://u:p@cdn.example/a.jpg' }) },
  ],
  [
    'hostile srcset candidates are dropped by the sanitizer',
    body(image({ imageId: 'a1' })),
    '<figure><img src="https://cdn.example/a1.jpg" srcset="https://cdn.example/a1@2x.jpg 2x" alt="" loading="lazy" /></figure>',
    {
      imageSrc: () => ({
        src: 'https://cdn.example/a1.jpg',
        srcset: 'javascript:alert(1) 1x, https://cdn.example/a1@2x.jpg 2x',
      }),
    },
  ],
  [
    'hostile imageId never reaches the resolver',
    body(image({ imageId: '"><script>alert(1)</script>' })),
    '',
    { imageSrc: (id) => ({ src: `https://cdn.example/${id}` }) },
  ],
  [
    'file: src from resolver',
    body(image({ imageId: 'a1' })),
    '',
    { imageSrc: () => ({ src: 'file:///etc/passwd' }) },
  ],
  // headings and lists
  ['heading tag "script"', body(heading('script', [text('x')])), '<h2>x</h2>'],
  ['heading tag h1', body(heading('h1', [text('x')])), '<h2>x</h2>'],
  ['heading tag h6', body(heading('h6', [text('x')])), '<h4>x</h4>'],
  [
    'list tag "script"',
    body({ type: 'list', listType: 'bullet', tag: 'script', children: [listItem([text('x')])] }),
    '<ul><li>x</li></ul>',
  ],
  [
    'list type "evil"',
    body({ type: 'list', listType: 'evil', children: [listItem([text('x')])] }),
    '<ol><li>x</li></ol>',
  ],
  [
    'attribute breakout in ol start',
    body({
      type: 'list',
      listType: 'number',
      start: '1" onclick="x',
      children: [listItem([text('x')])],
    }),
    '<ol><li>x</li></ol>',
  ],
  // JSON oddities
  [
    '__proto__ key in the JSON',
    '{"root":{"type":"root","children":[{"type":"paragraph","__proto__":{"type":"script"},"children":[{"type":"text","text":"x"}]}]}}',
    '<p>x</p>',
  ],
  ['hostile block id', body(paragraph([text('x')], '"><script>alert(1)</script>')), '<p>x</p>'],
  // fail closed
  ['unknown node type', body({ type: 'html', html: '<script>alert(1)</script>' }), 'unknown_node'],
  [
    'unknown node type inside a list item',
    body(list('bullet', [listItem([{ type: 'iframe', src: 'javascript:alert(1)' }])])),
    'unknown_node',
  ],
  [
    'unknown inline node',
    p({ type: 'raw-html', html: '<img src=x onerror=alert(1)>' }),
    'unknown_node',
  ],
  ['oversized JSON', p(text('x'.repeat(MAX_BODY_BYTES))), 'too_large'],
  [
    'deep nesting',
    body(
      Array.from({ length: 40 }).reduce<NodeJson>(
        (inner) => list('bullet', [listItem([inner])]),
        text('x'),
      ),
    ),
    'too_deep',
  ],
];

describe('hostile corpus: renderBodyHtml', () => {
  it('has at least 30 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  it.each([
    '<p onclick="x">a</p>',
    '<p style="color:red">a</p>',
    '<a href="javascript:alert(1)">a</a>',
    '<a href="JavaScript:alert(1)">a</a>',
    '<img src="//evil.example/a.jpg" />',
    '<img src="blob:https://x/1" />',
    '<a href="https://a.de/" target="_blank">a</a>',
    '<span class="evil">a</span>',
    '<div>a</div>',
    '<p onclick=x>a</p>',
    '<script>alert(1)</script>',
  ])('the markup check itself rejects %s', (html) => {
    expect(() => assertSafeMarkup(html)).toThrow();
  });

  it.each(CASES)('%s', (_name, input, expected, options) => {
    if (['unknown_node', 'too_large', 'too_deep', 'invalid'].includes(expected)) {
      expect(() => renderBodyHtml(input, options)).toThrow(BodyError);
      try {
        renderBodyHtml(input, options);
      } catch (error) {
        expect((error as BodyError).code).toBe(expected);
      }
      return;
    }
    const html = renderBodyHtml(input, { imageSrc: cdn, ...options });
    expect(html).toBe(expected);
    assertSafeMarkup(html);
  });
});

/** The sanitizer on its own: it must hold even if the walker had a bug. */
const RAW: [name: string, html: string, expected: string][] = [
  ['script element', '<p>a<script>alert(1)</script></p>', '<p>a</p>'],
  [
    'style, class and event attributes',
    '<p style="position:fixed" class="x" onclick="y">a</p>',
    '<p>a</p>',
  ],
  ['javascript: href', '<a href="javascript:alert(1)">x</a>', '<a>x</a>'],
  ['entity-encoded javascript: href', '<a href="jav&#x09;ascript:alert(1)">x</a>', '<a>x</a>'],
  ['protocol-relative href', '<a href="//evil.example/">x</a>', '<a>x</a>'],
  [
    'target other than _blank',
    '<a href="https://a.de/" target="_top" rel="opener">x</a>',
    '<a href="https://a.de/">x</a>',
  ],
  ['data: image', '<img src="data:image/png;base64,AAAA" onerror="alert(1)" />', '<img />'],
  [
    'iframe, svg, math, style',
    '<iframe src="x"></iframe><svg><script>1</script></svg><math><mi>x</mi></math><style>*{}</style>',
    '',
  ],
  [
    'classes other than credit',
    '<span class="credit evil">a</span>',
    '<span class="credit">a</span>',
  ],
  [
    'tags we never emit keep only their text',
    '<h1>a</h1><div>b</div><table><tr><td>c</td></tr></table>',
    'abc',
  ],
];

describe('hostile corpus: sanitizeArticleHtml alone', () => {
  it.each(RAW)('%s', (_name, html, expected) => {
    const out = sanitizeArticleHtml(html);
    expect(out).toBe(expected);
    assertSafeMarkup(out);
  });
});
