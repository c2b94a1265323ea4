import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveAppPath, serveAppFile } from '../../src-main/electron/app-files';
import { contentTypeFor } from '../../src-main/common/renderer-files';
import { contentSecurityPolicy } from '../../src-shared/csp';

const CSP = contentSecurityPolicy();
let base: string;
let root: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'copydesk-app-files-'));
  root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Copydesk</title>');
  await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(root, 'assets', 'odd name.css'), 'body{}');
  await writeFile(join(base, 'secret.txt'), 'outside the renderer');
  await symlink(join(base, 'secret.txt'), join(root, 'assets', 'link.txt'));
});
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('resolveAppPath', () => {
  it('maps app://copydesk paths into the renderer folder', () => {
    expect(resolveAppPath('app://copydesk/index.html', root)).toEqual({
      ok: true,
      filePath: join(root, 'index.html'),
    });
    expect(resolveAppPath('app://copydesk/', root)).toEqual({
      ok: true,
      filePath: join(root, 'index.html'),
    });
    expect(resolveAppPath('app://copydesk/assets/app.js?v=1#x', root)).toEqual({
      ok: true,
      filePath: join(root, 'assets', 'app.js'),
    });
    expect(resolveAppPath('app://copydesk/assets/odd%20name.css', root)).toEqual({
      ok: true,
      filePath: join(root, 'assets', 'odd name.css'),
    });
  });

  it.each([
    'app://copydesk/..%2f..%2fetc/passwd',
    'app://copydesk/..%2F..%2Fetc%2Fpasswd',
    'app://copydesk/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'app://copydesk/..\\..\\etc\\passwd',
    'app://copydesk/..%5c..%5cetc%5cpasswd',
    'app://copydesk/assets/%2e%2e%5c%2e%2e%5csecret.txt',
    'app://copydesk/C:%5cWindows%5cwin.ini',
    'app://copydesk/C:/Windows/win.ini',
    'app://copydesk/index.html%00.png',
    'app://copydesk/%E0%A4%A',
  ])('refuses the hostile path %s', (url) => {
    const r = resolveAppPath(url, root);
    expect(r.ok).toBe(false);
  });

  it.each([
    'app://copydesk/../../etc/passwd',
    'app://copydesk/%2e%2e/%2e%2e/etc/passwd',
    'app://copydesk/assets/../../../secret.txt',
  ])('keeps dot segments the URL parser resolves inside the root: %s', (url) => {
    const r = resolveAppPath(url, root);
    if (r.ok) expect(r.filePath.startsWith(root + sep)).toBe(true);
    expect(r).not.toEqual({ ok: true, filePath: join(base, 'secret.txt') });
  });

  it.each([
    'app://evil/index.html',
    'app://copydesk.evil/index.html',
    'app://copydesk@evil/index.html',
    'app://copydesk:8080/index.html',
    'file:///etc/passwd',
    'https://copydesk/index.html',
    'not a url',
  ])('answers 404 for anything not on app://copydesk: %s', (url) => {
    expect(resolveAppPath(url, root)).toEqual({ ok: false, status: 404 });
  });
});

describe('serveAppFile', () => {
  const get = (url: string, method = 'GET') => serveAppFile({ url, method }, root, CSP);

  it('serves files with their type, nosniff and the strict CSP', async () => {
    const res = await get('app://copydesk/index.html');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toBe(CSP);
    expect(await res.text()).toContain('<title>Copydesk</title>');
    const js = await get('app://copydesk/assets/app.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('puts the CSP on errors too', async () => {
    const res = await get('app://copydesk/..%2f..%2fsecret.txt');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-security-policy')).toBe(CSP);
  });

  it('does not follow a symlink out of the renderer folder', async () => {
    const res = await get('app://copydesk/assets/link.txt');
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('');
  });

  it('answers 404 for missing files and folders', async () => {
    expect((await get('app://copydesk/nope.js')).status).toBe(404);
    expect((await get('app://copydesk/assets')).status).toBe(404);
    expect((await get('app://copydesk/assets/')).status).toBe(404);
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('app://copydesk/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await get('app://copydesk/index.html', 'POST')).status).toBe(405);
  });
});

describe('the CSP and content types', () => {
  it('allows scripts and styles only from our origin', () => {
    const directives = new Map(
      CSP.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    // No inline scripts or JS eval; 'wasm-unsafe-eval' (WebAssembly compilation only) is allowed.
    expect(CSP).not.toMatch(/'unsafe-(inline|eval)'/);
    expect(contentSecurityPolicy({ connectSrc: ['http://127.0.0.1:4000'] })).toContain(
      "connect-src 'self' http://127.0.0.1:4000",
    );
  });

  it('labels unknown files as opaque bytes', () => {
    expect(contentTypeFor('/x/font.WOFF2')).toBe('font/woff2');
    expect(contentTypeFor('/x/thing.exe')).toBe('application/octet-stream');
    expect(contentTypeFor('/x/noext')).toBe('application/octet-stream');
  });
});
