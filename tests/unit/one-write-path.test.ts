/**
 * The desk refuses what the server would refuse, at once and without writing anything: the same
 * field schemas and the same body check run locally and in the server's mutation validation.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../src-shared/api';
import { parseMutation } from '../../src-shared/mutations';
import { body, link, paragraph, text } from '../../src-shared/richtext/builders';
import type { BodyJson } from '../../src-shared/model';
import { fixture } from '../fixtures/images';
import { openDesk, rows, type ImageDesk } from './images-helpers';

let desk: ImageDesk;
beforeEach(async () => {
  desk = await openDesk();
});
afterEach(async () => {
  await desk.close();
});

/** Every row of the tables a write touches, to prove that a refused call wrote nothing. */
function everything(): unknown {
  return Object.fromEntries(
    ['articles', 'revisions', 'outbox', 'images', 'article_tags', 'conflicts'].map((t) => [
      t,
      rows(desk.dir, `SELECT * FROM ${t} ORDER BY 1`),
    ]),
  );
}

async function refusal(call: Promise<unknown>): Promise<ApiError> {
  const e = await call.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ApiError);
  return e as ApiError;
}

describe('one schema on the desk and on the server', () => {
  it('refuses a 600-character licence with the server’s message and writes nothing', async () => {
    const img = await desk.api['images.import']({
      fileName: 'plain.png',
      dataBase64: fixture('plain.png').toString('base64'),
    });
    const licence = 'CC BY 4.0 '.repeat(60);
    expect(licence).toHaveLength(600);
    const server = parseMutation('image.setMeta', {
      id: img.id,
      baseVersion: 0,
      values: { licence },
      baseValues: { licence: '' },
    });
    expect(server.ok).toBe(false);
    const serverMessage = 'licence: must be at most 500 characters';
    expect(server.ok ? '' : server.reason).toContain(serverMessage);

    const before = everything();
    const e = await refusal(
      desk.core.call('images.setMeta', { id: img.id, meta: { licence } }).then((r) => {
        if (!r.ok) throw ApiError.from(r.error);
        return r.value;
      }),
    );
    expect(e.code).toBe('invalid_input');
    expect(e.message).toContain(serverMessage);
    expect(everything()).toEqual(before);
    expect((await desk.api['images.get']({ id: img.id })).licence).toBe('');

    // 500 characters pass both.
    const ok = await desk.api['images.setMeta']({
      id: img.id,
      meta: { licence: licence.slice(0, 500) },
    });
    expect(ok.licence).toHaveLength(500);
  });

  it('refuses a body with an unknown node type on save and create, writing nothing', async () => {
    const a = await desk.api['articles.create']({ fields: { headline: 'Kreistag' } });
    const hostile = body(paragraph([text('ok')]), {
      type: 'iframe',
      src: 'https://x.example',
    }) as BodyJson;
    const server = parseMutation('article.setBody', {
      id: a.id,
      baseBodyVersion: 0,
      body: hostile,
    });
    expect(server.ok ? '' : server.reason).toContain('Unknown node type "iframe"');

    const before = everything();
    const save = await refusal(desk.api['articles.save']({ id: a.id, body: hostile }));
    expect(save.code).toBe('invalid_input');
    expect(save.message).toContain('Unknown node type "iframe"');
    const create = await refusal(desk.api['articles.create']({ body: hostile }));
    expect(create.message).toContain('Unknown node type "iframe"');
    expect(everything()).toEqual(before);
  });

  it('refuses a javascript: link in a body before writing', async () => {
    const a = await desk.api['articles.create']({ fields: { headline: 'Kreistag' } });
    const hostile = body(paragraph([link('javascript:alert(1)', [text('klick')])])) as BodyJson;
    const before = everything();
    const e = await refusal(desk.api['articles.save']({ id: a.id, body: hostile }));
    expect(e.message).toContain('A link in the body is not allowed: Links with "javascript:"');
    const server = parseMutation('article.setBody', {
      id: a.id,
      baseBodyVersion: 0,
      body: hostile,
    });
    expect(server.ok).toBe(false);
    expect(everything()).toEqual(before);
  });
});
