/** The name the header shows for the signed-in user: the display name, else the user name. */
export function shownUserName(user: { username: string; displayName?: string }): {
  name: string;
  /** The user name, for the tooltip, when the display name hides it. */
  title: string | undefined;
} {
  const display = user.displayName?.trim();
  return display
    ? { name: display, title: user.username }
    : { name: user.username, title: undefined };
}
