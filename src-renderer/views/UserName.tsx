/**
 * A person as the UI names them: the display name where the newsroom has one ("Miriam Krause"),
 * else the username; the username on hover when the two differ.
 */
import { useNameOf } from '../state/userNames';

export function UserName({ username }: { username: string }) {
  const name = useNameOf()(username);
  return <strong title={name === username ? undefined : username}>{name}</strong>;
}
