/**
 * Errors as the user reads them: from the codes the core and the server send (ApiError.code,
 * ApiError.serverCode, a refused change's code), translated; never the English text they carry
 * for logs.
 */
import type { TFunction } from 'i18next';
import { ApiError, API_ERROR_CODES } from '../../src-shared/api';

/** The server's refusal codes the UI explains (src-shared/workflow.ts and mutations). */
export const SERVER_CODES = [
  'forbidden',
  'deleted',
  'published',
  'illegal_transition',
  'checklist',
  'not_found',
  'exists',
  'too_many_tags',
  'assignee_mismatch',
  'unknown_user',
  'invalid_args',
  'internal_error',
  'blob_missing',
  'not_approved',
  'schedule_in_past',
  'schedule_before_embargo',
  'embargoed',
  'already_published',
  'field_moved',
  'suggestion_superseded',
] as const;

function isServerCode(code: string): code is (typeof SERVER_CODES)[number] {
  return (SERVER_CODES as readonly string[]).includes(code);
}

/** A refusal by the server: its code translated, or a general sentence for an unknown code. */
export function serverCodeText(t: TFunction, code: string | null | undefined): string {
  if (code && isServerCode(code)) return t(`errors.server.${code}`);
  return t('errors.server.other');
}

/** Any error a DesktopApi call threw. */
export function errorText(t: TFunction, e: unknown): string {
  if (e instanceof ApiError) {
    if (e.serverCode) return serverCodeText(t, e.serverCode);
    if ((API_ERROR_CODES as readonly string[]).includes(e.code)) return t(`errors.api.${e.code}`);
  }
  return t('errors.api.internal');
}
