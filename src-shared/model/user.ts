import { z } from 'zod';
import { lazySchema } from '../lazySchema';

export const ROLES = ['editor', 'photo_editor', 'desk_chief', 'admin'] as const;
export const Role = lazySchema(() => z.enum(ROLES));
export type Role = z.infer<typeof Role>;

export const User = lazySchema(() =>
  z.strictObject({
    id: z.string(),
    username: z.string(),
    role: Role,
  }),
);
export type User = z.infer<typeof User>;
