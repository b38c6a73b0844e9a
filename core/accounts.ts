import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import lockfile from 'proper-lockfile';
import { roles, type Role } from './access.js';
import { usersFile } from './access-layout.js';
import { hashToken, newToken, type TokenHash } from './account-tokens.js';

/** An account as stored in data/access/users.json: never the token itself, only its hash. */
export interface UserRecord {
  id: string;
  name: string;
  role: Role;
  /** An official's province (e.g. '620000'); null for other roles. */
  province: string | null;
  createdAt: string;
  revokedAt: string | null;
  token: TokenHash;
}

export interface NewUser {
  name: string;
  role: Role;
  province?: string | null;
}

const provinceCode = /^[1-8]\d0000$/;

/** Why an account cannot be made as asked, or null. */
export function userProblem(user: NewUser): string | null {
  const name = user.name.trim();
  if (!name || name.length > 100) return 'the name must have 1 to 100 characters';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f]/.test(name)) return 'the name must not hold control characters (line breaks, tabs, escapes)';
  if (/^[a-z0-9]{12}$/.test(name)) return 'the name must not look like an account id (12 lowercase letters or digits)';
  if (!roles.includes(user.role)) return `unknown role '${user.role}': one of ${roles.join(', ')}`;
  if (user.role === 'official' && !user.province) return 'an official needs --province CODE (e.g. 620000 for Gansu)';
  if (user.role !== 'official' && user.province) return `only an official has a province (role '${user.role}' reads every province)`;
  if (user.province && !provinceCode.test(user.province)) return `'${user.province}' is not a province code (six digits ending in 0000)`;
  return null;
}

export async function readUsers(dataDir: string): Promise<UserRecord[]> {
  try {
    return (JSON.parse(await readFile(usersFile(dataDir), 'utf8')) as { users: UserRecord[] }).users;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Changes the accounts under a lock (the command line may run twice at once) and writes them by rename. */
async function changeUsers<T>(dataDir: string, change: (users: UserRecord[]) => Promise<{ users: UserRecord[]; result: T }>): Promise<T> {
  const file = usersFile(dataDir);
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const release = await lockfile.lock(dirname(file), { lockfilePath: `${file}.lock`, retries: { retries: 20, minTimeout: 50 } });
  try {
    const { users, result } = await change(await readUsers(dataDir));
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify({ users }, null, 2)}\n`, { mode: 0o600 });
    await rename(temporary, file);
    return result;
  } finally {
    await release();
  }
}

/** Adds an account and returns its token: the only time the token exists outside its holder's hands. */
export async function addUser(dataDir: string, user: NewUser): Promise<{ user: UserRecord; token: string }> {
  const problem = userProblem(user);
  if (problem) throw new Error(problem);
  const name = user.name.trim();
  return changeUsers(dataDir, async (users) => {
    if (users.some((u) => u.name === name && !u.revokedAt)) throw new Error(`an account named '${name}' exists already`);
    const id = randomBytes(6).toString('hex');
    const token = newToken(id);
    const record: UserRecord = {
      id,
      name,
      role: user.role,
      province: user.province ?? null,
      createdAt: new Date().toISOString(),
      revokedAt: null,
      token: await hashToken(token),
    };
    return { users: [...users, record], result: { user: record, token } };
  });
}

/** Revokes an account by id or name: its token and its sessions stop working at once. */
export async function revokeUser(dataDir: string, idOrName: string): Promise<UserRecord> {
  return changeUsers(dataDir, async (users) => {
    const matching = users.filter((u) => !u.revokedAt && (u.id === idOrName || u.name === idOrName.trim()));
    if (matching.length === 0) throw new Error(`no active account with the id or name '${idOrName}'`);
    if (matching.length > 1) throw new Error(`'${idOrName}' names ${matching.length} accounts: give the id (npm run users -- list)`);
    const found = matching[0]!;
    const revoked = { ...found, revokedAt: new Date().toISOString() };
    return { users: users.map((u) => (u === found ? revoked : u)), result: revoked };
  });
}

/** The accounts as the server reads them: the file is read again only when it has changed. */
export class UserDirectory {
  private loaded: { mtimeMs: number; size: number; byId: Map<string, UserRecord> } | null = null;

  constructor(private readonly dataDir: string) {}

  async get(id: string): Promise<UserRecord | undefined> {
    const info = await stat(usersFile(this.dataDir)).catch(() => null);
    if (!info) return undefined;
    if (!this.loaded || this.loaded.mtimeMs !== info.mtimeMs || this.loaded.size !== info.size) {
      const users = await readUsers(this.dataDir);
      this.loaded = { mtimeMs: info.mtimeMs, size: info.size, byId: new Map(users.map((u) => [u.id, u])) };
    }
    const user = this.loaded.byId.get(id);
    return user && !user.revokedAt ? user : undefined;
  }
}
