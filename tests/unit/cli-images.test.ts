/**
 * `image import | show | set | list` in the command line: the same core path as the app (an
 * import queues image.create, a change image.setMeta), --json output, and bad input refused with a
 * clear message, a non-zero exit code and nothing changed.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { main } from '../../src-main/cli/main';
import { TEXT_FILE } from '../fixtures/images';
import { tempDir } from '../support/tmp';
import { rows } from './images-helpers';

const FIXTURES = join(__dirname, '../fixtures/metadata');
let tmp: ReturnType<typeof tempDir>;
let profile: string;

beforeEach(() => {
  tmp = tempDir('copydesk-cli-images-');
  profile = join(tmp.dir, 'desk');
});
afterEach(() => {
  tmp.cleanup();
});

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['--profile', profile, ...args], {
    out: (s) => (out += s),
    err: (s) => (err += s),
  });
  return { code, out: out.trim(), err: err.trim() };
}

const outbox = () =>
  rows<{ name: string; args_json: string }>(
    profile,
    'SELECT name, args_json FROM outbox ORDER BY mutation_id',
  );

it('imports a file with its embedded metadata, shows, lists and changes it through the outbox', async () => {
  const imported = await cli('--json', 'image', 'import', join(FIXTURES, 'xmp-utf8.jpg'));
  expect(imported.code).toBe(0);
  const image = JSON.parse(imported.out) as { id: string; headline: string; alt: string };
  expect(image).toMatchObject({
    headline: 'Markttag in Münster',
    alt: 'Giebelhäuser mit Bögen, davor ein Wochenmarkt',
    existing: false,
  });
  expect(outbox().map((r) => r.name)).toEqual(['image.create']);

  const shown = await cli('image', 'show', image.id);
  expect(shown.code).toBe(0);
  expect(shown.out).toContain('credit: LWL / Jürgen Müller');
  expect(shown.out).toContain(
    'licence: Nur für redaktionelle Nutzung / https://presse.muenster.example/lizenz',
  );

  const set = await cli('image', 'set', image.id, 'extendedDescription', 'Arkaden und Marktstände');
  expect(set.code).toBe(0);
  const queued = outbox();
  expect(queued.map((r) => r.name)).toEqual(['image.create', 'image.setMeta']);
  expect(JSON.parse(queued[1]!.args_json)).toMatchObject({
    id: image.id,
    values: { extendedDescription: 'Arkaden und Marktstände' },
  });
  expect((await cli('image', 'set', image.id, 'licenceExpires', '2027-12-31')).code).toBe(0);

  await cli('image', 'import', join(FIXTURES, 'iim-utf8.jpg'));
  const listed = await cli('--json', 'image', 'list');
  const list = JSON.parse(listed.out) as { total: number; items: Record<string, unknown>[] };
  expect(list.total).toBe(2);
  expect(list.items[0]).toMatchObject({
    id: image.id,
    extendedDescription: 'Arkaden und Marktstände',
    licenceExpires: '2027-12-31',
  });
  expect(list.items[1]).toMatchObject({ credit: 'dpa', headline: 'Sommer in Köln' });
  expect((await cli('image', 'list')).out.split('\n')).toHaveLength(2);
});

it('refuses bad input with a clear message and exit code, changing nothing', async () => {
  const { out } = await cli('--json', 'image', 'import', join(FIXTURES, 'exif-rights.jpg'));
  const id = (JSON.parse(out) as { id: string }).id;
  const before = { image: (await cli('--json', 'image', 'show', id)).out, queued: outbox() };

  const unknown = await cli('image', 'set', id, 'photographer', 'X');
  expect(unknown.code).toBe(2);
  expect(unknown.err).toContain('Unknown image field "photographer"');

  const tooLong = await cli('image', 'set', id, 'credit', 'x'.repeat(301));
  expect(tooLong.code).toBe(2);
  expect(tooLong.err).toMatch(/credit: .*300/);

  const badDate = await cli('image', 'set', id, 'licenceExpires', '31.12.2027');
  expect(badDate.code).toBe(2);
  expect(badDate.err).toContain('licenceExpires');

  const noImage = await cli('image', 'set', '00000000-0000-7000-8000-000000000000', 'credit', 'X');
  expect(noImage.code).toBe(1);

  // A missing file among several: nothing is imported, not even the good one.
  const missing = await cli(
    'image',
    'import',
    join(FIXTURES, 'iim-utf8.jpg'),
    join(tmp.dir, 'nope.jpg'),
  );
  expect(missing.code).toBe(1);
  expect(missing.err).toContain('nope.jpg');
  expect(missing.err).toContain('no such file');

  const text = join(tmp.dir, 'notes.jpg');
  writeFileSync(text, TEXT_FILE);
  const notImage = await cli('--json', 'image', 'import', text);
  expect(notImage.code).toBe(1);
  expect(notImage.err).toContain('not a JPEG, PNG or WebP image');
  expect(JSON.parse(notImage.out)).toMatchObject({ error: { message: expect.any(String) } });

  expect((await cli('image', 'frobnicate')).code).toBe(2);

  expect((await cli('--json', 'image', 'show', id)).out).toBe(before.image);
  expect(outbox()).toEqual(before.queued);
  expect((JSON.parse((await cli('--json', 'image', 'list')).out) as { total: number }).total).toBe(
    1,
  );
});
