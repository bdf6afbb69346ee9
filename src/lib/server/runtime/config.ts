// Configuration from the environment, with safe local defaults.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { databasePath } from '../db';

/**
 * BETTER_AUTH_SECRET when given; otherwise a secret generated once and kept beside the
 * database (mode 600), so sessions survive restarts without anyone having to invent one.
 */
export function authSecret(): string {
	const fromEnv = process.env.BETTER_AUTH_SECRET?.trim();
	if (fromEnv) return fromEnv;
	const file = join(dirname(databasePath()), '.auth-secret');
	if (existsSync(file)) {
		const kept = readFileSync(file, 'utf8').trim();
		if (kept.length >= 32) return kept;
	}
	const secret = randomBytes(32).toString('base64url');
	mkdirSync(dirname(file), { recursive: true });
	writeFileSync(file, secret + '\n', { mode: 0o600 });
	return secret;
}

export const APP_VERSION = process.env.npm_package_version ?? '0.1.0';
