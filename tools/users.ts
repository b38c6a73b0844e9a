import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { roles, type Role } from '../core/access.js';
import { appendAudit } from '../core/audit-log.js';
import { currentSnapshotId } from '../core/snapshot-layout.js';
import { openSnapshot } from '../core/snapshot-open.js';
import { addUser, readUsers, revokeUser, userProblem } from '../core/accounts.js';

const usage = `usage:
  npm run users -- add --name NAME --role ROLE [--province CODE]   prints the new account's token (once)
  npm run users -- list                                            the accounts (never their tokens)
  npm run users -- revoke ID-OR-NAME                               its token and sessions stop at once
roles: ${roles.join(', ')}; an official needs --province (e.g. 620000 for Gansu). Data directory: --data-dir or TALENT_DATA_DIR (./data).`;

const commandLine = { id: null, name: 'users command', role: 'admin' } as const;

/** The province's name in the live snapshot, or why the code is not a province there (null: no snapshot to ask). */
async function provinceName(dataDir: string, code: string): Promise<{ name: string } | { problem: string } | null> {
  const id = await currentSnapshotId(dataDir);
  if (!id) return null;
  const instance = await openSnapshot(dataDir, id);
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll("SELECT name_zh FROM region WHERE region_code = $code AND level = 'province'", { code });
    const name = reader.getRowObjectsJson()[0]?.name_zh;
    return typeof name === 'string' ? { name } : { problem: `${code} is not a province code in the live snapshot's region table` };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      role: { type: 'string' },
      province: { type: 'string' },
      'data-dir': { type: 'string', default: process.env.TALENT_DATA_DIR ?? './data' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const dataDir = resolve(values['data-dir']);
  const [command, argument] = positionals;
  if (values.help || !command) {
    console.log(usage);
    return values.help ? 0 : 2;
  }
  if (command === 'add') {
    const request = { name: values.name ?? '', role: (values.role ?? '') as Role, province: values.province ?? null };
    const problem = userProblem(request);
    if (problem) throw new Error(problem);
    const province = request.province ? await provinceName(dataDir, request.province) : null;
    if (province && 'problem' in province) throw new Error(province.problem);
    const { user, token } = await addUser(dataDir, request);
    await appendAudit(dataDir, {
      action: 'user-added',
      actor: commandLine,
      target: user.id,
      detail: { name: user.name, role: user.role, province: user.province },
    });
    const where = user.province ? ` of ${user.province}${province ? ` ${province.name}` : ''}` : '';
    console.log(`added ${user.name} (${user.role}${where}), id ${user.id}`);
    console.log(`token (shown this once; keep it secret — it is stored only as a hash):\n${token}`);
    return 0;
  }
  if (command === 'list') {
    const users = await readUsers(dataDir);
    if (users.length === 0) console.log(`no accounts in ${dataDir}`);
    for (const u of users)
      console.log(
        [u.id, u.name, u.role, u.province ?? '-', `created ${u.createdAt}`, u.revokedAt ? `revoked ${u.revokedAt}` : 'active'].join('\t'),
      );
    return 0;
  }
  if (command === 'revoke') {
    if (!argument) throw new Error('revoke needs the account id or name: npm run users -- revoke ID-OR-NAME');
    const user = await revokeUser(dataDir, argument);
    await appendAudit(dataDir, { action: 'user-revoked', actor: commandLine, target: user.id, detail: { name: user.name } });
    console.log(`revoked ${user.name} (${user.id}): its token and sessions no longer work`);
    return 0;
  }
  console.error(`unknown command '${command}'\n${usage}`);
  return 2;
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
