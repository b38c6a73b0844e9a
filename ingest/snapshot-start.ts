import type { DuckDBConnection } from '@duckdb/node-api';
import { attachAsBase, attachBase, BASE_CATALOG } from '../core/snapshot-open.js';
import { snapshotPath } from '../core/snapshot-layout.js';
import { quoteLiteral } from '../core/sql-text.js';
import { createSchema } from './ddl.js';
import { layerOver, materialise, reopenLayers, settleLayers } from './layers.js';
import { rollupStatements } from './rollups.js';
import type { SnapshotStart } from './snapshot.js';

const LIVE = 'live';

/** Readies a new snapshot's file (made by beginSnapshot) for loading, as its start says. */
export async function prepareSnapshot(connection: DuckDBConnection, dataDir: string, start: SnapshotStart): Promise<void> {
  switch (start.kind) {
    case 'empty':
    case 'copy':
      return createSchema(connection);
    case 'layer':
      await attachAsBase(connection, dataDir, start.baseId);
      if (start.copied) return reopenLayers(connection);
      await createSchema(connection);
      return layerOver(
        connection,
        rollupStatements().map((s) => s.table),
      );
    case 'materialise':
      await createSchema(connection);
      await connection.run(`ATTACH ${quoteLiteral(snapshotPath(dataDir, start.liveId))} AS ${LIVE} (READ_ONLY)`);
      await attachBase(connection, dataDir, LIVE);
      await materialise(connection, LIVE);
      await connection.run(`DETACH ${LIVE}`);
      await connection.run(`DETACH ${BASE_CATALOG}`);
  }
}

/** Finishes a loaded snapshot's layers: fact tables with no rows of their own read the base plainly; the base is named. */
export async function finishSnapshot(connection: DuckDBConnection, start: SnapshotStart): Promise<void> {
  if (start.kind !== 'layer') return;
  await settleLayers(connection);
  await connection.run(`INSERT INTO snapshot_info VALUES ('base', ${quoteLiteral(start.baseId)})`);
}
