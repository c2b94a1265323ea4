/**
 * The messages between Electron main and the core worker, checked with zod where they arrive.
 *
 * Besides calls and events there is one request the worker makes of main: encrypt or decrypt a
 * small secret (the sync token) with Electron safeStorage, which only main can use. The worker
 * keeps the ciphertext in the profile; the plaintext never touches the disk.
 */
import { z } from 'zod';

const RequestId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
/** Tokens are short; this bounds what either side will process. */
const SecretText = z.string().max(64 * 1024);

export const SecretOp = z.enum(['encrypt', 'decrypt']);
export type SecretOp = z.infer<typeof SecretOp>;

/** Worker → main: encrypt or decrypt `value` (ciphertext as base64). */
export const SecretRequest = z.strictObject({
  kind: z.literal('secret'),
  id: RequestId,
  op: SecretOp,
  value: SecretText,
});
export type SecretRequest = z.infer<typeof SecretRequest>;

/** Main → worker: the answer to one SecretRequest. */
export const SecretReply = z.discriminatedUnion('ok', [
  z.strictObject({
    kind: z.literal('secret_result'),
    id: RequestId,
    ok: z.literal(true),
    value: SecretText,
  }),
  z.strictObject({
    kind: z.literal('secret_result'),
    id: RequestId,
    ok: z.literal(false),
    message: z.string().max(2000),
  }),
]);
export type SecretReply = z.infer<typeof SecretReply>;

export const ToWorker = z.union([
  z.strictObject({
    kind: z.literal('call'),
    id: RequestId,
    method: z.string().max(200),
    input: z.unknown(),
  }),
  z.strictObject({ kind: z.literal('close') }),
  SecretReply,
]);
export type ToWorker = z.infer<typeof ToWorker>;

/** What main offers the worker: safeStorage behind an async boundary (it needs app 'ready'). */
export interface MainSecrets {
  encrypt(plain: string): Promise<string>;
  decrypt(cipherBase64: string): Promise<string>;
}

/** Main side: answers one validated request with `secrets` (or an error if there are none). */
export async function answerSecretRequest(
  raw: unknown,
  secrets: MainSecrets | undefined,
): Promise<SecretReply | null> {
  const req = SecretRequest.safeParse(raw);
  if (!req.success) return null;
  const { id, op, value } = req.data;
  if (!secrets) {
    return { kind: 'secret_result', id, ok: false, message: 'This host keeps no secrets in main.' };
  }
  try {
    const out = op === 'encrypt' ? await secrets.encrypt(value) : await secrets.decrypt(value);
    return { kind: 'secret_result', id, ok: true, value: out };
  } catch (e) {
    const message = (e instanceof Error ? e.message : String(e)).slice(0, 2000);
    return { kind: 'secret_result', id, ok: false, message };
  }
}

/** Worker side: sends SecretRequests through `post` and matches the replies. */
export class MainSecretClient implements MainSecrets {
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve(v: string): void; reject(e: Error): void; timer: NodeJS.Timeout }
  >();

  constructor(
    private readonly post: (message: SecretRequest) => void,
    private readonly timeoutMs = 30_000,
  ) {}

  encrypt(plain: string): Promise<string> {
    return this.request('encrypt', plain);
  }

  decrypt(cipherBase64: string): Promise<string> {
    return this.request('decrypt', cipherBase64);
  }

  /** Delivers a reply from main; unknown ids (a reply after its timeout) are ignored. */
  receive(reply: SecretReply): void {
    const p = this.pending.get(reply.id);
    if (!p) return;
    this.pending.delete(reply.id);
    clearTimeout(p.timer);
    if (reply.ok) p.resolve(reply.value);
    else p.reject(new Error(reply.message));
  }

  private request(op: SecretOp, value: string): Promise<string> {
    const id = this.nextId++;
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`The system keychain did not answer (${op}).`));
      }, this.timeoutMs);
      timer.unref?.();
      this.pending.set(id, { resolve, reject, timer });
      try {
        this.post({ kind: 'secret', id, op, value });
      } catch (e) {
        this.pending.delete(id);
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
  }
}
