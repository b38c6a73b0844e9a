import { appendFile, mkdir, readFile, stat, writeFile, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { accessDir } from '../../core/access-layout.js';

/**
 * Sessions signed out before they expired. The session cookie is a signed statement, valid on every server
 * process until its expiry, so signing out records its id here (one appended line, shared by the processes)
 * and every process refuses it from then on. Lines whose session has expired anyway are dropped at start.
 */
export class EndedSessions {
  private readonly file: string;
  private loaded: { mtimeMs: number; size: number; ids: Set<string> } | null = null;

  constructor(dataDir: string) {
    this.file = join(accessDir(dataDir), 'ended-sessions.jsonl');
  }

  private async entries(): Promise<{ sid: string; exp: number }[]> {
    const text = await readFile(this.file, 'utf8').catch(() => '');
    return text
      .split('\n')
      .filter(Boolean)
      .flatMap((line) => {
        try {
          return [JSON.parse(line) as { sid: string; exp: number }];
        } catch {
          return [];
        }
      });
  }

  /** Rewrites the list without the sessions that have expired (at start, before any sign-out of this process). */
  async prune(now = Date.now()): Promise<void> {
    const live = (await this.entries()).filter((e) => e.exp > now);
    if (live.length === 0 && !(await stat(this.file).catch(() => null))) return;
    const temporary = `${this.file}.${process.pid}.tmp`;
    await writeFile(temporary, live.map((e) => `${JSON.stringify(e)}\n`).join(''), { mode: 0o600 });
    await rename(temporary, this.file);
  }

  async end(sid: string, exp: number): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true, mode: 0o700 });
    await appendFile(this.file, `${JSON.stringify({ sid, exp })}\n`, { mode: 0o600 });
  }

  async has(sid: string): Promise<boolean> {
    const info = await stat(this.file).catch(() => null);
    if (!info) return false;
    if (!this.loaded || this.loaded.mtimeMs !== info.mtimeMs || this.loaded.size !== info.size) {
      this.loaded = { mtimeMs: info.mtimeMs, size: info.size, ids: new Set((await this.entries()).map((e) => e.sid)) };
    }
    return this.loaded.ids.has(sid);
  }
}
