import { rm } from 'node:fs/promises';
import { sharedRoot } from './shared-root.js';

/** Removes what the run's browser tests shared (tests/e2e/shared-build.ts) once every test file has finished. */
export default function setup(): () => Promise<void> {
  return () => rm(sharedRoot(process.pid), { recursive: true, force: true });
}
