/** Shared set-up of the hostile-input suite: publishing with images, and "nothing changed". */
import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import { Client, completeFields, dbFingerprint, http, type ServerProcess } from '../helpers';

export const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Uploads the bytes and creates the image record; returns the sha256. */
export async function uploadImage(
  c: Client,
  id: string,
  bytes: Buffer,
  mime: string,
  size: { width: number; height: number },
  meta: Record<string, string>,
): Promise<string> {
  const hash = sha256(bytes);
  const put = await http(`${c.url}/api/v1/blobs/${hash}`, {
    method: 'PUT',
    token: c.token,
    body: bytes,
  });
  expect(put.status).toBe(201);
  const r = await c.push([
    { name: 'image.create', args: { id, sha256: hash, mime, ...size, meta } },
  ]);
  expect(r.body.outcomes[0].status).toBe('applied');
  return hash;
}

/** Creates and publishes an article (the client must be a desk chief). */
export async function publishArticle(
  chief: Client,
  id: string,
  fields: Record<string, unknown>,
  body: unknown,
): Promise<void> {
  const r = await chief.push([
    { name: 'article.create', args: { id, fields: completeFields(fields), body } },
    { name: 'article.transition', args: { id, from: 'draft', to: 'in_review' } },
    { name: 'article.transition', args: { id, from: 'in_review', to: 'approved' } },
    { name: 'article.transition', args: { id, from: 'approved', to: 'published' } },
  ]);
  const outcomes = r.body.outcomes as { reason?: string; status: string }[];
  expect(outcomes.map((o) => o.reason ?? o.status)).toEqual([
    'applied',
    'applied',
    'applied',
    'applied',
  ]);
}

/** Runs a refused request and checks that the server database is byte-for-byte the same after. */
export async function refusedWithoutChange<T>(
  server: ServerProcess,
  act: () => Promise<T>,
): Promise<T> {
  const before = await dbFingerprint(server);
  const result = await act();
  expect(await dbFingerprint(server)).toEqual(before);
  return result;
}

/** The app's error shape: {"error":{"code","message"}} and nothing of the framework's. */
export function expectAppError(
  res: { status: number; text: string },
  status: number,
  code?: string,
) {
  expect(res.status).toBe(status);
  const parsed = JSON.parse(res.text) as { error?: { code?: unknown; message?: unknown } };
  expect(typeof parsed.error).toBe('object');
  expect(typeof parsed.error?.code).toBe('string');
  expect(typeof parsed.error?.message).toBe('string');
  expect(parsed).not.toHaveProperty('statusCode');
  if (code) expect(parsed.error?.code).toBe(code);
}
