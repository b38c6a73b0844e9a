import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { secretFile } from '../../core/access-layout.js';

/**
 * The key that signs session cookies and CSRF tokens: made once per data directory (readable by its owner only)
 * and shared by every server process serving it, so a session survives a restart and works on any of them.
 */
export async function loadSecret(dataDir: string): Promise<Buffer> {
  const file = secretFile(dataDir);
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  try {
    await writeFile(file, randomBytes(32).toString('base64'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const secret = Buffer.from((await readFile(file, 'utf8')).trim(), 'base64');
  if (secret.length < 32) throw new Error(`the session secret in ${file} is too short: delete it to make a new one`);
  return secret;
}
