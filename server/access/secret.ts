import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { secretFile } from '../../core/access-layout.js';

/**
 * The key that signs session cookies and CSRF tokens: made once per data directory (readable by its owner only)
 * and shared by every server process serving it, so a session survives a restart and works on any of them. It
 * is written whole to a temporary file and linked into place, so a second process starting at the same moment
 * reads either nothing (and links its own, or loses the race and reads the winner's) or the whole key.
 */
export async function loadSecret(dataDir: string): Promise<Buffer> {
  const file = secretFile(dataDir);
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temporary, randomBytes(32).toString('base64'), { mode: 0o600 });
  try {
    await link(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await rm(temporary, { force: true });
  }
  const secret = Buffer.from((await readFile(file, 'utf8')).trim(), 'base64');
  if (secret.length < 32) throw new Error(`the session secret in ${file} is too short: stop the servers, delete it, and start them again`);
  return secret;
}
