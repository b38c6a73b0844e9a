import { readFile } from 'node:fs/promises';
import { candidateBase, candidateDir, candidateFailure } from '../../core/submission-store.js';
import { SnapshotStore } from '../snapshot-store.js';

export type Candidate = { state: 'ready'; store: SnapshotStore } | { state: 'building' } | { state: 'failed'; reason: string };

/** A build that has not answered within this long is started again. */
const buildPatienceMs = 60_000;

/**
 * The embargo preview's candidates: each validated submission's file ingested into a copy of the live snapshot by
 * the ingest worker (never by the server), opened read-only here. A candidate built on an older live snapshot is
 * built again, so that the preview shows what publishing now would do.
 */
export class Candidates {
  private readonly open = new Map<string, { base: string; store: SnapshotStore }>();
  private readonly asked = new Map<string, number>();

  constructor(
    private readonly dataDir: string,
    private readonly settings: Record<string, string>,
    private readonly build: (id: string) => void,
  ) {}

  async candidate(id: string, liveId: string): Promise<Candidate> {
    const base = (await readFile(candidateBase(this.dataDir, id), 'utf8').catch(() => '')).trim();
    if (base && base === liveId) {
      let entry = this.open.get(id);
      if (entry?.base !== base) {
        entry?.store.close();
        const store = new SnapshotStore(candidateDir(this.dataDir, id), this.settings);
        await store.start(60_000);
        entry = { base, store };
        this.open.set(id, entry);
      }
      return { state: 'ready', store: entry.store };
    }
    const failure = JSON.parse(await readFile(candidateFailure(this.dataDir, id), 'utf8').catch(() => 'null')) as {
      base: string | null;
      reason: string;
    } | null;
    if (failure && failure.base === liveId) return { state: 'failed', reason: failure.reason };
    const asked = this.asked.get(id);
    if (asked === undefined || Date.now() - asked > buildPatienceMs) {
      this.asked.set(id, Date.now());
      this.build(id);
    }
    return { state: 'building' };
  }

  /** Forgets a submission's candidate (decided: approved, returned or withdrawn). */
  drop(id: string): void {
    this.open.get(id)?.store.close();
    this.open.delete(id);
    this.asked.delete(id);
  }
}
