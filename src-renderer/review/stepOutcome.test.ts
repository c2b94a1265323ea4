import { describe, expect, it } from 'vitest';
import { findTransition } from '../../src-shared/workflow';
import { stepButtonClass, stepQueued } from './stepOutcome';

const submit = findTransition('draft', 'in_review')!;
const publish = findTransition('approved', 'published')!;
const user = { id: 'u', username: 'editor', role: 'editor' };

describe('stepQueued', () => {
  it('says queued for a queued step while offline, not signed in or failing', () => {
    expect(stepQueued(submit, { state: 'offline', user })).toBe('submit');
    expect(stepQueued(submit, { state: 'error', user })).toBe('submit');
    expect(stepQueued(submit, { state: 'idle', user: null })).toBe('submit');
    expect(stepQueued(submit, null)).toBe('submit');
  });
  it('says done when the server is reachable, and never for server-only steps', () => {
    expect(stepQueued(submit, { state: 'idle', user })).toBeNull();
    expect(stepQueued(submit, { state: 'syncing', user })).toBeNull();
    expect(stepQueued(publish, { state: 'offline', user })).toBeNull();
  });
});

describe('stepButtonClass', () => {
  it('makes unpublish a danger button and request changes secondary', () => {
    expect(stepButtonClass('unpublish')).toBe('button button--danger');
    expect(stepButtonClass('request_changes')).toBe('button');
    expect(stepButtonClass('publish')).toContain('button--primary');
  });
});
