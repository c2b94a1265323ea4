/**
 * The early script: a classic script in index.html that runs before the main bundle is even
 * parsed (electron.vite.config.ts builds it to early.js). It asks the core for the settings and
 * for the article named in the URL at once, so both answers are there when the app starts
 * (boot/earlyCalls.ts picks them up and validates them like any answer). No imports: it must
 * stay tiny, and a failure here only means the app asks again.
 */
(() => {
  type Call = { method: string; input: unknown; result: Promise<unknown> };
  type Bridge = { call(method: string, input: unknown): Promise<unknown> };
  const w = window as unknown as { copydesk?: Bridge; __copydeskEarly?: Call[] };

  const token = (): string => {
    const fromUrl = new URLSearchParams(location.search).get('token');
    return fromUrl ?? sessionStorage.getItem('copydesk.token') ?? '';
  };
  const send = (method: string, input: unknown): Promise<unknown> => {
    if (w.copydesk) return w.copydesk.call(method, input);
    return fetch('/api/call', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-copydesk-token': token() },
      body: JSON.stringify({ method, input }),
    }).then((r) => (r.ok ? r.json() : null));
  };

  const calls: Call[] = [];
  const ask = (method: string, input: unknown) => {
    const result = send(method, input).catch(() => null);
    calls.push({ method, input, result });
  };
  try {
    ask('settings.get', {});
    const m = /^#article=([0-9a-f-]{36})$/i.exec(location.hash);
    if (m) ask('articles.get', { id: m[1] });
  } catch {
    // The app asks for itself.
  }
  w.__copydeskEarly = calls;
})();
