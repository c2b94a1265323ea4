import { ApiError } from '../../../src-shared/api';

/** A file that cannot be imported, with a message a photo editor can act on. */
export function invalidImage(fileName: string, reason: string): ApiError {
  return new ApiError('invalid_input', `"${fileName}" cannot be imported: ${reason}`);
}

/** A decoder error as one short line: libvips repeats its messages, one per line. */
export function decoderMessage(e: unknown): string {
  const raw = e instanceof Error ? e.message : String(e);
  const lines = [
    ...new Set(
      raw.split(/\r?\n/).map((l) => l.replace(/^Input buffer has corrupt header: /, '').trim()),
    ),
  ].filter(Boolean);
  const text = lines.join('; ');
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}
