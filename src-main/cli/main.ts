/**
 * The scriptable Copydesk client: the same core as the app, one command per process.
 *
 *   npm run cli -- --profile DIR [--json] <command>
 *
 * Commands: login --server URL --user U (password asked or on stdin) | logout | new --file article.json |
 * set ID FIELD VALUE | tag ID +a -b | submit ID | approve ID | request-changes ID --comment TEXT |
 * publish ID [--at TIME|none] | embargo ID TIME|none | delete ID | restore ID | sync [--allow-mass-delete] | status | conflicts [ID] |
 * resolve CONFLICT_ID mine|theirs | show ID | list |
 * image import FILE… | image show ID | image set ID FIELD VALUE | image list
 *
 * Exit codes: 0 success, 1 the command failed (message on stderr), 2 usage error.
 *
 * `main` takes its output streams, so tests run it in-process; index.ts is the executable.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  ApiError,
  createDesktopApi,
  type DesktopApi,
  type StoreHealth,
  type SyncStatus,
} from '../../src-shared/api';
import { ArticleFields, type ArticleFieldsPatch } from '../../src-shared/model';
import { openCore } from '../core/core';
import { StoreError } from '../core/store/errors';
import { IMAGE_USAGE, ImageUsageError, runImageCommand } from './images';
import { SCHEDULE_USAGE, ScheduleUsageError, runScheduleCommand } from './schedule';
import { PASSWORD_FLAG_WARNING, readPassword } from '../../src-server/auth/readPassword';

const VALUE_OPTIONS = new Set([
  'at',
  'profile',
  'server',
  'user',
  'password',
  'file',
  'comment',
  'pull-limit',
]);
const FLAG_OPTIONS = new Set(['json', 'help', 'allow-mass-delete']);

export class UsageError extends Error {}

export interface ParsedArgs {
  options: Record<string, string | true>;
  positionals: string[];
}

/** Long options anywhere; everything else (including "-tag" of `tag ID +a -b`) is positional. */
export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  const options: Record<string, string | true> = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (m && (VALUE_OPTIONS.has(m[1]!) || FLAG_OPTIONS.has(m[1]!))) {
      const name = m[1]!;
      if (FLAG_OPTIONS.has(name)) options[name] = true;
      else if (m[2] !== undefined) options[name] = m[2];
      else {
        const v = argv[++i];
        if (v === undefined) throw new UsageError(`--${name} needs a value`);
        options[name] = v;
      }
    } else if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    } else {
      positionals.push(arg);
    }
  }
  return { options, positionals };
}

const USAGE = `usage: copydesk-cli --profile DIR [--json] <command>
  login --server URL --user U                sign in; the password is asked (or read from
                                             standard input); token kept in the profile, 0600
  logout
  new --file article.json                    create ({"fields":{…},"body":{…}} or plain fields)
  set ID FIELD VALUE                         change one field (JSON for tags, links, leadImage)
  tag ID +a -b                               add / remove tags
  submit ID | approve ID | publish ID        workflow steps (approve/publish need the server)
${SCHEDULE_USAGE}
  request-changes ID --comment TEXT
  delete ID | restore ID
  sync [--allow-mass-delete]                 push, then pull until caught up (the flag confirms
                                             a pull that deletes most local articles)
  status | conflicts [ID] | resolve CONFLICT_ID mine|theirs | show ID | list
${IMAGE_USAGE}`;

function need(p: string[], n: number, usage: string): string[] {
  if (p.length < n) throw new UsageError(`usage: ${usage}`);
  return p;
}

function fieldValue(field: string, raw: string): unknown {
  const shape = ArticleFields.shape as Record<string, unknown>;
  if (!(field in shape)) {
    throw new UsageError(`Unknown field "${field}". Fields: ${Object.keys(shape).join(', ')}.`);
  }
  if (['tags', 'links', 'leadImage'].includes(field)) {
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      if (field === 'tags')
        return raw
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean);
      throw new UsageError(
        `${field} takes JSON, e.g. ${field === 'links' ? '[{"url":"https://…","label":"…"}]' : 'null'}`,
      );
    }
  }
  if ((field === 'section' || field === 'socialImageId') && (raw === '' || raw === 'null'))
    return null;
  return raw;
}

function describeStatus(s: SyncStatus): string {
  const who = s.user ? `${s.user.username} at ${s.serverUrl ?? '?'}` : 'not signed in';
  const last = s.lastSyncAt ? `last sync ${s.lastSyncAt}` : 'never synced';
  const err = s.lastError ? `\nerror: ${s.lastError}` : '';
  return `${s.state}: ${s.pending} change(s) waiting; ${last}; ${who}${err}`;
}

/** Where the command line writes: standard output and standard error, or a test's buffers. */
export interface CliStreams {
  out: (text: string) => void;
  err: (text: string) => void;
}

const PROCESS_STREAMS: CliStreams = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};

interface Output {
  json: unknown;
  text: string;
  exitCode?: number;
}

async function runCommand(
  api: DesktopApi,
  cmd: string,
  p: string[],
  o: ParsedArgs['options'],
  io: CliStreams,
): Promise<Output> {
  const str = (k: string): string | undefined => (typeof o[k] === 'string' ? o[k] : undefined);
  if (cmd === 'embargo') return runScheduleCommand(api, cmd, p[0], p[1]);
  if (cmd === 'publish' && o.at !== undefined) {
    return runScheduleCommand(api, cmd, p[0], str('at'));
  }
  switch (cmd) {
    case 'login': {
      const server = str('server');
      const user = str('user');
      if (!server || !user) throw new UsageError('usage: login --server URL --user U');
      let password = str('password');
      if (password !== undefined) io.err(`${PASSWORD_FLAG_WARNING}\n`);
      else password = await readPassword();
      if (!password) throw new UsageError('login needs a password (asked, or on standard input)');
      const s = await api['sync.login']({ serverUrl: server, username: user, password });
      return { json: s, text: `Signed in as ${s.user?.username ?? user} (${s.user?.role ?? ''}).` };
    }
    case 'logout':
      await api['sync.logout']({});
      return { json: { ok: true }, text: 'Signed out.' };
    case 'new': {
      const file = str('file');
      if (!file) throw new UsageError('usage: new --file article.json');
      const raw = JSON.parse(readFileSync(resolve(file), 'utf8')) as Record<string, unknown>;
      const input =
        'fields' in raw || 'body' in raw
          ? (raw as { id?: string; fields?: ArticleFieldsPatch; body?: never })
          : { fields: raw as ArticleFieldsPatch };
      const a = await api['articles.create'](input);
      return { json: a, text: a.id };
    }
    case 'set': {
      const [id, field, value] = need(p, 3, 'set ID FIELD VALUE');
      const a = await api['articles.save']({
        id: id!,
        fields: { [field!]: fieldValue(field!, value!) },
      });
      return { json: a, text: `${field} of ${a.id} set.` };
    }
    case 'tag': {
      const [id, ...changes] = need(p, 2, 'tag ID +a -b');
      const a = await api['articles.get']({ id: id! });
      let tags = [...a.tags];
      for (const c of changes) {
        const t = c.slice(1);
        if (c.startsWith('+')) {
          if (!tags.some((x) => x.toLowerCase() === t.toLowerCase())) tags.push(t);
        } else if (c.startsWith('-'))
          tags = tags.filter((x) => x.toLowerCase() !== t.toLowerCase());
        else throw new UsageError(`"${c}": write +tag to add or -tag to remove`);
      }
      const saved = await api['articles.save']({ id: a.id, fields: { tags } });
      return { json: saved, text: `tags: ${saved.tags.join(', ') || '(none)'}` };
    }
    case 'submit':
    case 'approve':
    case 'publish':
    case 'request-changes': {
      const [id] = need(p, 1, `${cmd} ID`);
      const to = {
        submit: 'in_review',
        approve: 'approved',
        publish: 'published',
        'request-changes': 'draft',
      } as const;
      const comment = str('comment');
      if (cmd === 'request-changes' && !comment)
        throw new UsageError('usage: request-changes ID --comment TEXT');
      const before = new Set(
        (await api['sync.conflicts']({ entityId: id! })).items.map((c) => c.id),
      );
      let a = await api['articles.transition']({
        id: id!,
        to: to[cmd],
        ...(comment ? { comment } : {}),
      });
      // Signed in: let the server decide now, so a script learns the verdict from the exit code.
      if ((await api['sync.status']({})).user && a.status === to[cmd]) {
        await api['sync.now']({});
        a = await api['articles.get']({ id: a.id });
        const refused = (await api['sync.conflicts']({ entityId: a.id })).items.find(
          (c) => !before.has(c.id) && c.kind === 'rejected' && c.field === 'article.transition',
        );
        if (refused) throw new Error(refused.reason ?? `The server refused to ${cmd} ${a.id}.`);
      }
      return { json: a, text: `${a.id} is ${a.status}.` };
    }
    case 'delete': {
      const [id] = need(p, 1, 'delete ID');
      await api['articles.delete']({ id: id! });
      return { json: { ok: true }, text: `${id} deleted.` };
    }
    case 'restore': {
      const [id] = need(p, 1, 'restore ID');
      const a = await api['articles.restore']({ id: id! });
      return { json: a, text: `${a.id} restored.` };
    }
    case 'sync': {
      // --allow-mass-delete: go ahead with a pull the fail-safe stopped (docs/sync.md).
      const s = await api['sync.now'](
        o['allow-mass-delete'] === true ? { allowMassDelete: true } : {},
      );
      return { json: s, text: describeStatus(s), exitCode: s.state === 'idle' ? 0 : 1 };
    }
    case 'status': {
      const s = await api['sync.status']({});
      return { json: s, text: describeStatus(s) };
    }
    case 'conflicts': {
      const r = await api['sync.conflicts'](p[0] ? { entityId: p[0] } : {});
      const text = r.items.length
        ? r.items
            .map(
              (c) =>
                `${c.id}\t${c.entityId}\t${c.kind}\t${c.field}${c.reason ? `\t${c.reason}` : ''}`,
            )
            .join('\n')
        : 'No conflicts.';
      return { json: r, text };
    }
    case 'resolve': {
      const [id, keep] = need(p, 2, 'resolve CONFLICT_ID mine|theirs');
      if (keep !== 'mine' && keep !== 'theirs') throw new UsageError('keep "mine" or "theirs"');
      await api['sync.resolveConflict']({ id: id!, keep });
      return { json: { ok: true }, text: `Kept ${keep}.` };
    }
    case 'show': {
      const [id] = need(p, 1, 'show ID');
      const a = await api['articles.get']({ id: id! });
      const conflicts = (await api['sync.conflicts']({ entityId: a.id })).items;
      return {
        json: { ...a, conflicts },
        text: `${a.headline || '(no headline)'}\n${a.status} · revision ${a.revision}${a.deletedAt ? ' · deleted' : ''}${
          conflicts.length ? ` · ${conflicts.length} conflict(s)` : ''
        }\ntags: ${a.tags.join(', ')}`,
      };
    }
    case 'list': {
      const r = await api['articles.list']({ limit: 500, includeDeleted: true });
      return {
        json: r,
        text: r.items.map((a) => `${a.id}\t${a.status}\t${a.headline}`).join('\n'),
      };
    }
    case 'image':
      return runImageCommand(api, p);
    default:
      throw new UsageError(`Unknown command "${cmd}".\n${USAGE}`);
  }
}

export async function main(
  argv: readonly string[],
  io: CliStreams = PROCESS_STREAMS,
): Promise<number> {
  let parsed: ParsedArgs;
  try {
    parsed = parseCliArgs(argv);
  } catch (e) {
    io.err(`${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { options, positionals } = parsed;
  const [cmd, ...rest] = positionals;
  if (options.help || !cmd) {
    io.out(`${USAGE}\n`);
    return options.help ? 0 : 2;
  }
  if (typeof options.profile !== 'string') {
    io.err(`--profile DIR is required\n${USAGE}\n`);
    return 2;
  }
  const pullLimit =
    typeof options['pull-limit'] === 'string' ? Number(options['pull-limit']) : undefined;
  let core: Awaited<ReturnType<typeof openCore>>;
  try {
    core = await openCore({
      profileDir: resolve(options.profile),
      host: 'cli',
      backgroundIntegrityCheck: false,
      ...(pullLimit ? { sync: { pullLimit } } : {}),
    });
  } catch (e) {
    // A database that cannot be opened: the reason and the advice, never a stack trace.
    const message = e instanceof Error ? e.message : String(e);
    if (options.json) {
      const code = e instanceof StoreError ? e.code : 'error';
      io.out(`${JSON.stringify({ error: { code, message } })}\n`);
    }
    io.err(`copydesk: ${message}\n`);
    return 1;
  }
  const health = await core.call('store.health', {});
  if (health.ok && (health.value as StoreHealth).state === 'recovered') {
    io.err(`copydesk: ${(health.value as StoreHealth).message ?? ''}\n`);
  }
  const api = createDesktopApi({
    call: (m, i) => core.call(m, i),
    onEvent: (l) => core.onEvent(l),
  });
  try {
    const out = await runCommand(api, cmd, rest, options, io);
    io.out(`${options.json ? JSON.stringify(out.json) : out.text}\n`);
    if (out.exitCode && !options.json) io.err('sync did not complete\n');
    return out.exitCode ?? 0;
  } catch (e) {
    const usage =
      e instanceof UsageError || e instanceof ImageUsageError || e instanceof ScheduleUsageError;
    const message = e instanceof Error ? e.message : String(e);
    if (options.json) {
      const code = e instanceof ApiError ? e.code : usage ? 'usage' : 'error';
      io.out(`${JSON.stringify({ error: { code, message } })}\n`);
    }
    io.err(`copydesk: ${message}\n`);
    return usage ? 2 : 1;
  } finally {
    await core.close();
  }
}
