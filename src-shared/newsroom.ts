/**
 * GET /api/v1/newsroom: facts about the newsroom a server serves that every desk shows the same
 * way. `timeZone` is the zone schedules and embargoes are shown and entered in (the server's
 * `--time-zone`, default Europe/Berlin); times are stored in UTC regardless.
 */
import { z } from 'zod';
import { isTimeZone } from './time/newsroomTime';
import { lazySchema } from './lazySchema';

export const TimeZoneName = lazySchema(() =>
  z
    .string()
    .max(64)
    .refine(isTimeZone, { message: 'not a known IANA time zone (e.g. Europe/Berlin)' }),
);

export const NewsroomInfo = lazySchema(() => z.strictObject({ timeZone: TimeZoneName }));
export type NewsroomInfo = z.infer<typeof NewsroomInfo>;
