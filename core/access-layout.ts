import { join } from 'node:path';

/**
 * Where access state lives in a data directory, beside the snapshots and never inside one: the accounts (hashed
 * tokens), the server's signing secret, the audit log, and the submissions' staging area.
 */
export const accessDir = (dataDir: string): string => join(dataDir, 'access');
export const usersFile = (dataDir: string): string => join(accessDir(dataDir), 'users.json');
export const secretFile = (dataDir: string): string => join(accessDir(dataDir), 'secret');
export const auditFile = (dataDir: string): string => join(accessDir(dataDir), 'audit.jsonl');
export const submissionsDir = (dataDir: string): string => join(dataDir, 'submissions');
