/**
 * Demo content for `npm start`: the fixture article (resources/demo) written by the demo
 * editor, submitted, approved and published by the demo desk chief — through the public HTTP
 * API, exactly as desktop clients would do it, so the demo exercises the real workflow.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { v7 as uuidv7 } from 'uuid';
import { LoginResponse, PROTOCOL_VERSION, PushResponse } from '../../src-shared/protocol';
import { bodyFromParagraphs } from '../../src-shared/richtext/plainText';
import { ensureBlockIdsJson } from '../../src-shared/richtext/blockIdsJson';

const DemoArticle = z.strictObject({
  kicker: z.string(),
  headline: z.string(),
  teaser: z.string(),
  byline: z.string(),
  section: z.string(),
  tags: z.array(z.string()),
  links: z.array(z.strictObject({ url: z.string(), label: z.string() })),
  paragraphs: z.array(z.string()),
  image: z.strictObject({
    file: z.string(),
    credit: z.string(),
    caption: z.string(),
    alt: z.string(),
  }),
});

async function json<T>(res: Response, schema: z.ZodType<T>, what: string): Promise<T> {
  const body: unknown = await res.json();
  if (!res.ok) throw new Error(`${what} failed (${res.status}): ${JSON.stringify(body)}`);
  return schema.parse(body);
}

async function login(baseUrl: string, username: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: username }),
  });
  return (await json(res, LoginResponse, `login as ${username}`)).token;
}

async function push(
  baseUrl: string,
  token: string,
  mutations: { name: string; args: unknown }[],
): Promise<void> {
  const clientId = `demo-seed-${randomUUID()}`;
  const res = await fetch(`${baseUrl}/api/v1/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      protocolVersion: PROTOCOL_VERSION,
      clientId,
      mutations: mutations.map((m, i) => ({ id: i + 1, ...m })),
    }),
  });
  const r = await json(res, PushResponse, 'demo push');
  const bad = r.outcomes.filter((o) => o.status === 'rejected' || o.status === 'conflict');
  if (bad.length) throw new Error(`demo content was refused: ${JSON.stringify(bad)}`);
}

/** Publishes the fixture article unless the server already has published articles. */
export async function seedDemoContent(
  baseUrl: string,
  demoDir: string,
): Promise<{ seeded: boolean; slug?: string }> {
  const existing = (await (await fetch(`${baseUrl}/api/v1/published?limit=1`)).json()) as {
    total?: number;
  };
  if ((existing.total ?? 0) > 0) return { seeded: false };

  const a = DemoArticle.parse(
    JSON.parse(readFileSync(join(demoDir, 'fixture-article.json'), 'utf8')),
  );
  const bytes = readFileSync(join(demoDir, a.image.file));
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const editor = await login(baseUrl, 'editor');
  const upload = await fetch(`${baseUrl}/api/v1/blobs/${sha256}`, {
    method: 'PUT',
    headers: { 'content-type': 'image/jpeg', authorization: `Bearer ${editor}` },
    body: bytes,
  });
  if (!upload.ok)
    throw new Error(`demo image upload failed (${upload.status}): ${await upload.text()}`);

  const imageId = uuidv7();
  const articleId = uuidv7();
  await push(baseUrl, editor, [
    {
      name: 'image.create',
      args: {
        id: imageId,
        sha256,
        mime: 'image/jpeg',
        width: 1200,
        height: 800,
        meta: { credit: a.image.credit, caption: a.image.caption, alt: a.image.alt },
      },
    },
    {
      name: 'article.create',
      args: {
        id: articleId,
        fields: {
          kicker: a.kicker,
          headline: a.headline,
          teaser: a.teaser,
          byline: a.byline,
          section: a.section,
          tags: a.tags,
          links: a.links,
          leadImage: { imageId, caption: a.image.caption },
        },
        body: ensureBlockIdsJson(bodyFromParagraphs(a.paragraphs)),
      },
    },
    { name: 'article.transition', args: { id: articleId, from: 'draft', to: 'in_review' } },
  ]);
  const chief = await login(baseUrl, 'chief');
  await push(baseUrl, chief, [
    { name: 'article.transition', args: { id: articleId, from: 'in_review', to: 'approved' } },
    { name: 'article.transition', args: { id: articleId, from: 'approved', to: 'published' } },
  ]);
  const page = (await (await fetch(`${baseUrl}/api/v1/published?limit=1`)).json()) as {
    items?: { slug: string }[];
  };
  const slug = page.items?.[0]?.slug;
  return slug ? { seeded: true, slug } : { seeded: true };
}
