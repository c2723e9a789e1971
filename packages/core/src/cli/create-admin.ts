import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { BadUserInputError } from '@gongzhi/plugin-sdk';
import { ConfigError, loadConfig } from '../config/config';
import { Gateway } from '../gateway';
import { withSetupLock } from '../db/setup-lock';
import { createFirstAdmin } from '../identity/first-admin';
import { checkCredentials } from '../identity/passwords';
import { AuditWriter } from '../security/audit';
import { createLogger } from '../util/logger';

const USAGE = `Usage: pnpm admin:create --username <name> [--display-name <name>]
Creates the first platform admin of the database (DATABASE_URL, else the embedded one).
The password is read from GONGZHI_ADMIN_PASSWORD, else from stdin (first line).
Refused when an enabled platform admin already exists.`;

/** `pnpm admin:create`: the first login of a fresh production database. Exit 0 created, 1 refused, 2 bad input. */
async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({ options: { username: { type: 'string' }, 'display-name': { type: 'string' }, help: { type: 'boolean' } } }).values;
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (args.help || !args.username) {
    process.stderr.write(`${USAGE}\n`);
    return args.help ? 0 : 2;
  }
  const username = args.username;
  const password = process.env.GONGZHI_ADMIN_PASSWORD ?? (await readPassword());
  let config;
  try {
    checkCredentials(username, password); // before touching the database
    config = loadConfig();
  } catch (e) {
    if (e instanceof BadUserInputError) {
      for (const p of e.extensions.fields as { field: string; message: string }[]) process.stderr.write(`${p.field} ${p.message}\n`);
      return 2;
    }
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const gateway = new Gateway({
    config: { ...config, seedDemo: false, initialAdmin: null },
    logger: createLogger(process.env.LOG_LEVEL ? config.logLevel : 'warn'),
  });
  try {
    await gateway.migrate();
    const audit = new AuditWriter(gateway.orm, gateway.log);
    const result = await withSetupLock(gateway.orm, () =>
      createFirstAdmin(gateway.orm, audit, { username, password, displayName: args['display-name'] }, 'cli'));
    if (!result.created) {
      process.stderr.write(`Refused: ${result.message}.\n`);
      return 1;
    }
    process.stdout.write(`Created platform admin ${username} (account ${result.accountId}).\n`);
    return 0;
  } finally {
    await gateway.stop('admin:create done');
  }
}

/** First line of stdin; on a terminal, prompted without echo. */
async function readPassword(): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    let text = '';
    for await (const chunk of stdin) text += chunk;
    return text.split(/\r?\n/)[0];
  }
  process.stderr.write('Password: ');
  stdin.setRawMode(true);
  let typed = '';
  try {
    for await (const chunk of stdin) {
      for (const ch of String(chunk)) {
        if (ch === '\u0003') process.exit(130); // Ctrl-C
        if (ch === '\r' || ch === '\n') return typed;
        typed = ch === '\u007f' ? typed.slice(0, -1) : typed + ch;
      }
    }
    return typed;
  } finally {
    stdin.setRawMode(false);
    stdin.pause();
    process.stderr.write('\n');
  }
}

main().then((code) => process.exit(code), (e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : e}\n`);
  process.exit(1);
});
