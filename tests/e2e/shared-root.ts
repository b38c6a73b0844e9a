import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The folder the browser test files of one vitest run share (tests/e2e/shared-build.ts): the test workers are
 * child processes of the run, so their parent's id names it. tests/e2e/global-setup.ts removes it at the end.
 */
export const sharedRoot = (runPid = process.ppid): string => join(tmpdir(), `talent-e2e-${runPid}`);
