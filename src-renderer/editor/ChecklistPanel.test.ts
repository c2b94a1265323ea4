import { describe, expect, it } from 'vitest';
import { checklistStep } from './ChecklistPanel';
import { en } from '../i18n/en';
import { de } from '../i18n/de';

describe('the checklist names the step it guards', () => {
  it('from each status, the next step the checklist must be complete for', () => {
    expect(checklistStep('draft')).toBe('submit');
    expect(checklistStep('in_review')).toBe('approve');
    expect(checklistStep('approved')).toBe('publish');
    expect(checklistStep('unpublished')).toBe('publish');
    expect(checklistStep('published')).toBe('correct');
  });
  it('each such step has its title and its "cannot … until" line in both languages', () => {
    for (const m of [en, de]) {
      const c = m.articleImages.checklist as Record<string, string>;
      for (const step of ['approve', 'publish', 'correct']) {
        expect(c[`title_${step}`]).toBeTruthy();
        expect(c[`blocked_${step}`]).toBeTruthy();
      }
    }
  });
});
