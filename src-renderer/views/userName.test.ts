import { describe, expect, it } from 'vitest';
import { MeResponse } from '../../src-shared/protocol';
import { shownUserName } from './userName';

describe('who is signed in', () => {
  it('parses the server answer with and without a display name', () => {
    const user = { id: 'u1', username: 'editor', role: 'editor' };
    expect(MeResponse.parse({ user }).user).toEqual(user);
    expect(MeResponse.parse({ user: { ...user, displayName: 'Anna Berg' } }).user.displayName).toBe(
      'Anna Berg',
    );
  });

  it('refuses a malformed answer', () => {
    const user = { id: 'u1', username: 'editor', role: 'editor' };
    expect(MeResponse.safeParse({ user: { ...user, displayName: '' } }).success).toBe(false);
    expect(MeResponse.safeParse({ user: { ...user, displayName: 7 } }).success).toBe(false);
    expect(MeResponse.safeParse({ user: { ...user, extra: true } }).success).toBe(false);
    expect(MeResponse.safeParse({ user: { username: 'editor', role: 'editor' } }).success).toBe(
      false,
    );
  });

  it('shows the display name with the user name as its title, else the user name', () => {
    expect(shownUserName({ username: 'editor', displayName: 'Anna Berg' })).toEqual({
      name: 'Anna Berg',
      title: 'editor',
    });
    expect(shownUserName({ username: 'editor' })).toEqual({ name: 'editor', title: undefined });
    expect(shownUserName({ username: 'editor', displayName: '  ' })).toEqual({
      name: 'editor',
      title: undefined,
    });
  });
});
