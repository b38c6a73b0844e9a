import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { currentSnapshotId, snapshotPath } from '../core/snapshot-layout.js';

interface OpenSnapshot {
  id: string;
  instance: DuckDBInstance;
  inFlight: number;
  retired: boolean;
}

export interface Lease {
  snapshotId: string;
  connection: DuckDBConnection;
  release(): void;
}

/**
 * Serves the live snapshot read-only and follows data/current: requests started before a switch finish on
 * the old snapshot, new ones go to the new one, and the old one closes when its last request ends.
 */
export class SnapshotStore {
  private live: OpenSnapshot | null = null;
  private timer: NodeJS.Timeout | null = null;
  private switching: Promise<void> | null = null;

  /** Called after each switch with the new snapshot id (e.g. to drop caches of the old one). */
  onSwitch: (snapshotId: string) => void = () => {};

  constructor(
    readonly dataDir: string,
    private readonly settings: Record<string, string> = {},
  ) {}

  /** Opens the current snapshot and starts following data/current. */
  async start(pollMs = 1000): Promise<void> {
    await this.refresh();
    if (!this.live) throw new Error(`no published snapshot in ${this.dataDir}: run \`npm run ingest\` or \`npm start\` first`);
    this.timer = setInterval(
      () => void this.refresh().catch((e: unknown) => console.error(`snapshot switch failed: ${String(e)}`)),
      pollMs,
    );
    this.timer.unref();
  }

  get snapshotId(): string | null {
    return this.live?.id ?? null;
  }

  /** Switches to a newer snapshot if data/current names one. */
  refresh(): Promise<void> {
    this.switching ??= this.switchIfNewer().finally(() => (this.switching = null));
    return this.switching;
  }

  private async switchIfNewer(): Promise<void> {
    const id = await currentSnapshotId(this.dataDir);
    if (!id || id === this.live?.id) return;
    const instance = await DuckDBInstance.create(snapshotPath(this.dataDir, id), { access_mode: 'READ_ONLY', ...this.settings });
    const previous = this.live;
    this.live = { id, instance, inFlight: 0, retired: false };
    if (previous) this.retire(previous);
    this.onSwitch(id);
  }

  private retire(snapshot: OpenSnapshot): void {
    snapshot.retired = true;
    if (snapshot.inFlight === 0) snapshot.instance.closeSync();
  }

  /** A fresh connection on the live snapshot; interrupting it affects only this request. */
  async lease(): Promise<Lease> {
    const snapshot = this.live;
    if (!snapshot) throw new Error('no snapshot is open');
    snapshot.inFlight++;
    let released = false;
    try {
      const connection = await snapshot.instance.connect();
      return {
        snapshotId: snapshot.id,
        connection,
        release: () => {
          if (released) return;
          released = true;
          connection.closeSync();
          snapshot.inFlight--;
          if (snapshot.retired && snapshot.inFlight === 0) snapshot.instance.closeSync();
        },
      };
    } catch (error) {
      snapshot.inFlight--;
      throw error;
    }
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.live) this.retire(this.live);
    this.live = null;
  }
}
