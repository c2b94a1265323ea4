import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { API_ERROR_CODES, ApiError, ApiErrorShape } from '../../src-shared/api';
import { de } from './de';
import { en } from './en';
import { errorText, SERVER_CODES, serverCodeText } from './errors';

let tDe: TFunction;
let tEn: TFunction;
beforeAll(async () => {
  const i = i18next.createInstance();
  await i.init({
    resources: { en: { translation: en }, de: { translation: de } },
    lng: 'de',
    fallbackLng: false,
    interpolation: { escapeValue: false },
  });
  tDe = i.getFixedT('de');
  tEn = i.getFixedT('en');
});

describe('errors in the UI language', () => {
  it('has a text for every core and server code in both languages', () => {
    for (const code of API_ERROR_CODES) {
      expect(en.errors.api[code]).toBeTruthy();
      expect(de.errors.api[code]).toBeTruthy();
    }
    for (const code of SERVER_CODES) {
      expect(en.errors.server[code]).toBeTruthy();
      expect(de.errors.server[code]).toBeTruthy();
    }
  });

  it('translates a server refusal by its code, never showing the English reason', () => {
    const e = new ApiError(
      'conflict',
      'The article is in_review; editors may edit drafts only (a desk chief can return it to draft).',
      undefined,
      'forbidden',
    );
    const text = errorText(tDe, e);
    expect(text).toBe(de.errors.server.forbidden);
    expect(text).not.toMatch(/editors|draft|\{/);
    expect(errorText(tEn, e)).toBe(en.errors.server.forbidden);
  });

  it('translates core errors by code and anything else as an internal error', () => {
    expect(errorText(tDe, new ApiError('transport', 'fetch failed'))).toBe(de.errors.api.transport);
    expect(errorText(tDe, new Error('{"teaser":"x"}'))).toBe(de.errors.api.internal);
    expect(serverCodeText(tDe, 'no_such_code')).toBe(de.errors.server.other);
    expect(serverCodeText(tDe, null)).toBe(de.errors.server.other);
  });

  it('keeps the server code across the DesktopApi envelope', () => {
    const e = new ApiError('conflict', 'x', undefined, 'checklist');
    expect(
      ApiError.from(ApiErrorShape.parse(JSON.parse(JSON.stringify(e.toJSON())))).serverCode,
    ).toBe('checklist');
  });
});
