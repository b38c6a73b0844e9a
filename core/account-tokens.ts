import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * API tokens: `td_<account id>_<43 characters of randomness>`, printed once and stored only as an scrypt hash. The
 * account id in the token finds the one hash to check; the random part is what proves it.
 */
export interface TokenHash {
  algorithm: 'scrypt';
  salt: string;
  hash: string;
  N: number;
  r: number;
  p: number;
}

const cost = { N: 16384, r: 8, p: 1 } as const;
const keyLength = 32;
const tokenPattern = /^td_([a-z0-9]{8,32})_([A-Za-z0-9_-]{43})$/;

function derive(secret: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(secret, salt, keyLength, { ...options, maxmem: 64 * 1024 * 1024 }, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

export function newToken(accountId: string): string {
  return `td_${accountId}_${randomBytes(32).toString('base64url')}`;
}

/** The account a token names, or null when it is not shaped like one of ours. */
export function tokenAccountId(token: string): string | null {
  return tokenPattern.exec(token)?.[1] ?? null;
}

export async function hashToken(token: string): Promise<TokenHash> {
  const salt = randomBytes(16);
  const hash = await derive(token, salt, cost);
  return { algorithm: 'scrypt', salt: salt.toString('base64'), hash: hash.toString('base64'), ...cost };
}

export async function tokenMatches(token: string, stored: TokenHash): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64');
  const actual = await derive(token, Buffer.from(stored.salt, 'base64'), { N: stored.N, r: stored.r, p: stored.p });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
