/**
 * Command line of the publishing backend.
 *
 *   npm run server -- --data DIR [--database postgres://…] [--blobs DIR] [--port 8787]
 *                    [--host 127.0.0.1] [--demo] [--max-blob-mb 50] [--public-url URL]
 *                    [--synchronous full|normal] [--read-connections N]   (PostgreSQL)
 *                    [--trust-proxy true|ADDRESS,…] [--requests-per-minute N]
 *                    [--time-zone Europe/Berlin]   (or COPYDESK_TIME_ZONE: the newsroom's zone)
 *   npm run server -- user add NAME --role ROLE --data DIR [--name "Anna Berg"]
 *                                              (password asked, or on stdin)
 *   npm run server -- user list --data DIR
 *   npm run server -- user set NAME --data DIR [--role ROLE] [--disable | --enable] [--new-password]
 *                                              [--name "Anna Berg"]   (--name "" removes it)
 * (`--password PW` still works, with a warning: tests only.)
 *   npm run server -- backup --data DIR --to FILE      (SQLite; online backup while running)
 *   npm run server -- migrate --from-sqlite DIR --to postgres://… [--blobs DIR]
 *
 * Without --database the data is in SQLite in DIR; with it (or COPYDESK_DATABASE_URL), in
 * PostgreSQL, and DIR keeps what lives in files on this instance. `user` takes --database too.
 *
 * The server prints exactly one line on stdout: "Copydesk server listening on http://HOST:PORT".
 * Everything else (demo warning, errors, the request log: one JSON line per request) goes to stderr.
 */
import { parseArgs } from 'node:util';
import { Role } from '../src-shared/model';
import { DisplayName, Username } from '../src-shared/protocol';
import { AuthService, adminUser } from './auth/service';
import { isPostgresUrl } from './backend';
import { backupSqlite } from './ops/backup';
import { migrateFromSqlite } from './ops/migrateFromSqlite';
import { openStorage, startServer } from './server';
import { passwordOptionsFromEnv } from './auth/passwords';
import { PASSWORD_FLAG_WARNING, readPassword } from './auth/readPassword';
import { HttpError } from './http/errors';
import { DEFAULT_NEWSROOM_TIME_ZONE, isTimeZone } from '../src-shared/time/newsroomTime';

function fail(message: string): never {
  process.stderr.write(`copydesk-server: ${message}\n`);
  process.exit(2);
}

function warn(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** --trust-proxy / COPYDESK_TRUST_PROXY: "true" (any proxy) or the proxies' addresses/CIDRs, comma-separated. */
function parseTrustProxy(raw: string | undefined): boolean | string[] {
  if (raw === undefined || raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  return raw
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
}

/** --database, else COPYDESK_DATABASE_URL, else none (SQLite). */
function databaseUrl(flag: string | undefined): { databaseUrl?: string } {
  const url = flag ?? (process.env.COPYDESK_DATABASE_URL || undefined);
  if (url === undefined) return {};
  if (!isPostgresUrl(url)) fail('--database must be a postgres:// or postgresql:// URL');
  return { databaseUrl: url };
}

async function userCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      data: { type: 'string' },
      database: { type: 'string' },
      role: { type: 'string' },
      password: { type: 'string' },
      disable: { type: 'boolean' },
      enable: { type: 'boolean' },
      'new-password': { type: 'boolean' },
      name: { type: 'string' },
    },
  });
  const [sub, name] = positionals;
  if (!values.data) fail('--data DIR is required');
  if (values.password !== undefined) warn(PASSWORD_FLAG_WARNING);
  // Checked before the database is opened: a bad name touches nothing.
  const displayName = values.name === undefined ? undefined : DisplayName.safeParse(values.name);
  if (displayName && !displayName.success)
    fail(`invalid --name: ${displayName.error.issues[0]?.message ?? ''}`);
  const storage = await openStorage({ dataDir: values.data, ...databaseUrl(values.database) });
  const auth = new AuthService(storage, { passwords: passwordOptionsFromEnv(warn) });
  try {
    if (sub === 'list') {
      for (const u of await storage.read((tx) => tx.listUsers())) {
        const a = adminUser(u);
        const shown = u.displayName ? `\t${u.displayName}` : '';
        process.stdout.write(
          `${a.username}\t${a.role}\t${a.disabled ? 'disabled' : 'active'}${shown}\n`,
        );
      }
      return;
    }
    if (sub !== 'add' && sub !== 'set') fail('usage: user add|set|list …');
    const username = Username.safeParse(name);
    if (!username.success) fail(`invalid user name: ${username.error.issues[0]?.message ?? ''}`);
    const role = values.role === undefined ? undefined : Role.safeParse(values.role);
    if (role && !role.success) fail(`--role must be one of ${Role.options.join(', ')}`);
    if (sub === 'add') {
      if (!role) fail('--role ROLE is required');
      const password = values.password ?? (await readPassword());
      if (password.length < 8) fail('the password must have at least 8 characters');
      const user = await auth.createUser(
        username.data,
        password,
        role.data,
        displayName?.data ?? '',
      );
      process.stdout.write(`created ${user.username} (${user.role}) ${user.id}\n`);
    } else {
      const user = await storage.read((tx) => tx.getUserByName(username.data));
      if (!user) fail(`no user ${username.data}`);
      const patch: { role?: Role; disabled?: boolean; password?: string; displayName?: string } =
        {};
      if (role) patch.role = role.data;
      if (displayName) patch.displayName = displayName.data;
      if (values.disable) patch.disabled = true;
      if (values.enable) patch.disabled = false;
      if (values.password !== undefined) patch.password = values.password;
      else if (values['new-password']) patch.password = await readPassword('New password: ');
      if (patch.password !== undefined && patch.password.length < 8)
        fail('the password must have at least 8 characters');
      await auth.updateUser(null, user.id, patch);
      process.stdout.write(`updated ${user.username}\n`);
    }
  } catch (e) {
    fail(e instanceof HttpError ? e.message : String(e));
  } finally {
    await storage.close();
  }
}

async function serve(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      data: { type: 'string' },
      database: { type: 'string' },
      blobs: { type: 'string' },
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      demo: { type: 'boolean', default: false },
      'max-blob-mb': { type: 'string' },
      'public-url': { type: 'string' },
      synchronous: { type: 'string', default: 'full' },
      'trust-proxy': { type: 'string' },
      'requests-per-minute': { type: 'string' },
      'read-connections': { type: 'string' },
      'time-zone': { type: 'string' },
    },
  });
  if (!values.data) fail('--data DIR is required');
  const timeZone =
    values['time-zone'] ?? (process.env.COPYDESK_TIME_ZONE || DEFAULT_NEWSROOM_TIME_ZONE);
  if (!isTimeZone(timeZone))
    fail(`--time-zone: unknown time zone "${timeZone}" (give an IANA name such as Europe/Berlin)`);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail('--port must be 0…65535');
  const maxMb = values['max-blob-mb'] === undefined ? 50 : Number(values['max-blob-mb']);
  if (!(maxMb > 0)) fail('--max-blob-mb must be a positive number');
  const synchronous = values.synchronous;
  if (synchronous !== 'full' && synchronous !== 'normal')
    fail('--synchronous must be full or normal');
  const perMinuteRaw = values['requests-per-minute'] ?? process.env.COPYDESK_REQUESTS_PER_MINUTE;
  const perMinute = perMinuteRaw === undefined ? undefined : Number(perMinuteRaw);
  if (perMinute !== undefined && !(Number.isInteger(perMinute) && perMinute >= 0))
    fail('--requests-per-minute must be a whole number (0 turns the cap off)');
  const readRaw = values['read-connections'] ?? process.env.COPYDESK_READ_CONNECTIONS;
  const readConnections = readRaw === undefined ? undefined : Number(readRaw);
  if (
    readConnections !== undefined &&
    !(Number.isInteger(readConnections) && readConnections >= 1 && readConnections <= 100)
  )
    fail('--read-connections must be a whole number from 1 to 100');
  if (values.demo) {
    process.stderr.write(
      'WARNING: --demo creates the users editor, photo, chief and admin with password = user name. Demo use only; never expose this server.\n',
    );
  }
  const server = await startServer({
    dataDir: values.data,
    ...databaseUrl(values.database),
    ...(values.blobs ? { blobsDir: values.blobs } : {}),
    port,
    host: values.host,
    demo: values.demo,
    maxBlobBytes: Math.round(maxMb * 1024 * 1024),
    synchronous,
    ...(readConnections !== undefined ? { readConnections } : {}),
    timeZone,
    http: {
      trustProxy: parseTrustProxy(values['trust-proxy'] ?? process.env.COPYDESK_TRUST_PROXY),
      ...(perMinute !== undefined ? { requestLimit: { max: perMinute } } : {}),
    },
    // stdout carries only the "listening" line that scripts read; the request log goes to stderr.
    requestLog: process.stderr,
    ...(values['public-url'] ? { publicUrl: values['public-url'] } : {}),
  });
  process.stdout.write(`Copydesk server listening on ${server.url}\n`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    server.close().then(
      () => process.exit(0),
      (e: unknown) => {
        process.stderr.write(`copydesk-server: error while stopping on ${signal}: ${String(e)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

async function backupCommand(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { data: { type: 'string' }, to: { type: 'string' }, database: { type: 'string' } },
  });
  if (values.database !== undefined || process.env.COPYDESK_DATABASE_URL) {
    fail('backup copies a SQLite backend; back PostgreSQL up with pg_dump (see README)');
  }
  if (!values.data || !values.to) fail('usage: backup --data DIR --to FILE');
  try {
    const { pages } = await backupSqlite(values.data, values.to);
    process.stdout.write(`backed up ${values.data} to ${values.to} (${pages} pages)\n`);
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e));
  }
}

async function migrateCommand(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'from-sqlite': { type: 'string' },
      to: { type: 'string' },
      blobs: { type: 'string' },
    },
  });
  const from = values['from-sqlite'];
  if (!from || !values.to) fail('usage: migrate --from-sqlite DIR --to postgres://… [--blobs DIR]');
  if (!isPostgresUrl(values.to)) fail('--to must be a postgres:// or postgresql:// URL');
  try {
    const report = await migrateFromSqlite(
      from,
      values.to,
      values.blobs ? { blobsDir: values.blobs } : {},
    );
    for (const t of report.tables) {
      process.stdout.write(
        `${t.table}\t${t.rows} rows\tsha256 ${t.checksum.slice(0, 16)}\tverified\n`,
      );
    }
    process.stdout.write(
      report.blobs.copiedTo
        ? `blobs\t${report.blobs.files} files copied to ${report.blobs.copiedTo}\tverified\n`
        : `blobs\t${report.blobs.files} files stay in ${from}/blobs: start the servers with --blobs pointing there (or copy them)\n`,
    );
    process.stdout.write('migration complete\n');
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e));
  }
}

const argv = process.argv.slice(2);
const commands: Record<string, (args: string[]) => Promise<void>> = {
  user: userCommand,
  backup: backupCommand,
  migrate: migrateCommand,
};
const command = argv[0] === undefined ? undefined : commands[argv[0]];
const run = command ? command(argv.slice(1)) : serve(argv);
run.catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)));
