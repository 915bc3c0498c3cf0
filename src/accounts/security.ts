// Secrets and their proofs: random tokens, hashes for storing tokens, HMAC for CSRF, argon2id for passwords.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import argon2 from 'argon2';

/** Bytes of randomness in every session id, reset link, API token and feed token (256 bits). */
export const TOKEN_BYTES = 32;

/**
 * argon2id parameters: OWASP's Password Storage Cheat Sheet minimum for argon2id (19 MiB, 2 passes, 1 lane).
 * One verification took 35 ms at best and 63 ms median on the shared 2-core development machine (20 runs under a
 * load average of 6-10), cheap enough for bursts of log-ins while costing an offline attacker 19 MiB per guess.
 * Hashes made with other parameters are upgraded on the next successful log-in (`needsRehash`).
 */
export const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** A random URL-safe token of TOKEN_BYTES bytes, with an optional readable prefix (e.g. for API tokens). */
export function randomToken(prefix = ''): string {
  return prefix + randomBytes(TOKEN_BYTES).toString('base64url');
}

/** How a token is stored: SHA-256, hex. Tokens carry 256 random bits, so a fast hash is enough (no guessing). */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function hmac(key: string, data: string): string {
  return createHmac('sha256', key).update(data, 'utf8').digest('base64url');
}

/** Constant-time string equality (lengths are compared first, which leaks only the length). */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2_OPTIONS);
}

/** True when `password` matches; a malformed stored hash counts as no match. */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

export function needsRehash(hash: string): boolean {
  return argon2.needsRehash(hash, ARGON2_OPTIONS);
}

let dummy: Promise<string> | null = null;

/**
 * Verifies against a throwaway hash, so a log-in for an unknown name takes as long as one for a known name
 * (no user enumeration by timing).
 */
export async function verifyNothing(password: string): Promise<void> {
  dummy ??= hashPassword(randomToken());
  await verifyPassword(await dummy, password);
}
