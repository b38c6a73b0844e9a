import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usersFile } from '../../core/access-layout.js';
import { tokenAccountId, tokenMatches } from '../../core/account-tokens.js';
import { addUser, readUsers, revokeUser } from '../../core/accounts.js';

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'talent-accounts-'));
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

describe('accounts (npm run users)', () => {
  it('stores a hash of the token, never the token, in a file only its owner reads', async () => {
    const { user, token } = await addUser(dataDir, { name: 'Gansu office', role: 'official', province: '620000' });
    expect(tokenAccountId(token)).toBe(user.id);
    const stored = (await readUsers(dataDir))[0]!;
    expect(JSON.stringify(stored)).not.toContain(token.slice(16));
    expect(await tokenMatches(token, stored.token)).toBe(true);
    expect(await tokenMatches(`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, stored.token)).toBe(false);
    expect((await stat(usersFile(dataDir))).mode & 0o777).toBe(0o600);
  });

  it('refuses a second active account of the same name, spaces around it or not, and names with control characters', async () => {
    await expect(addUser(dataDir, { name: ' Gansu office ', role: 'researcher' })).rejects.toThrow(/exists already/);
    await expect(addUser(dataDir, { name: 'two\nlines', role: 'researcher' })).rejects.toThrow(/control characters/);
    await expect(addUser(dataDir, { name: 'x', role: 'official' })).rejects.toThrow(/--province/);
    await expect(addUser(dataDir, { name: 'y', role: 'planner', province: '620000' })).rejects.toThrow(/only an official/);
    await expect(addUser(dataDir, { name: 'z', role: 'official', province: '620100' })).rejects.toThrow(/not a province code/);
  });

  it('revokes by id or by a name that names one account only', async () => {
    const a = await addUser(dataDir, { name: 'analyst', role: 'researcher' });
    await revokeUser(dataDir, 'analyst');
    const b = await addUser(dataDir, { name: 'analyst', role: 'researcher' });
    expect((await revokeUser(dataDir, b.user.id)).revokedAt).not.toBeNull();
    await expect(revokeUser(dataDir, 'analyst')).rejects.toThrow(/no active account/);
    expect((await readUsers(dataDir)).filter((u) => u.name === 'analyst').map((u) => u.id)).toEqual([a.user.id, b.user.id]);
  });
});
