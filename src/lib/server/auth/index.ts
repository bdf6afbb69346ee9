// better-auth, configured once: email + password, sessions in SQLite through drizzle,
// sign-in rate limited per client address, inactive users refused.
import { betterAuth } from 'better-auth';
import { APIError, createAuthMiddleware } from 'better-auth/api';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { sveltekitCookies } from 'better-auth/svelte-kit';
import { getRequestEvent } from '$app/server';
import { eq } from 'drizzle-orm';
import { getDb } from '../db';
import { user, session, account, verification } from '../db/schema';
import { authSecret } from '../config';

/** Header set by our own hook from the socket address; any client value is replaced. */
export const CLIENT_IP_HEADER = 'x-avance-client-ip';

function createAuth() {
	const db = getDb();
	const signInMax = Number(process.env.AUTH_SIGNIN_RATE_LIMIT ?? 5);
	return betterAuth({
		appName: 'Avance',
		baseURL: process.env.ORIGIN || undefined,
		secret: authSecret(),
		database: drizzleAdapter(db, {
			provider: 'sqlite',
			schema: { user, session, account, verification }
		}),
		emailAndPassword: {
			enabled: true,
			disableSignUp: true,
			minPasswordLength: 10,
			maxPasswordLength: 256
		},
		user: {
			additionalFields: {
				role: { type: 'string', input: false, defaultValue: 'viewer' },
				active: { type: 'boolean', input: false, defaultValue: true },
				locale: { type: 'string', input: false, required: false }
			}
		},
		session: {
			expiresIn: 60 * 60 * 24 * 7,
			updateAge: 60 * 60 * 24,
			cookieCache: { enabled: false }
		},
		rateLimit: {
			enabled: true,
			storage: 'memory',
			window: 60,
			max: 300,
			customRules: {
				'/sign-in/email': { window: 60, max: Number.isFinite(signInMax) ? signInMax : 5 }
			}
		},
		advanced: {
			ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
			useSecureCookies: (process.env.ORIGIN ?? '').startsWith('https://'),
			defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' }
		},
		hooks: {
			before: createAuthMiddleware(async (ctx) => {
				if (ctx.path !== '/sign-in/email') return;
				const email = String((ctx.body as { email?: unknown })?.email ?? '').toLowerCase();
				const found = db
					.select({ active: user.active })
					.from(user)
					.where(eq(user.email, email))
					.get();
				if (found && !found.active) {
					throw new APIError('FORBIDDEN', { message: 'This account has been deactivated.' });
				}
			})
		},
		plugins: [sveltekitCookies(getRequestEvent)]
	});
}

let instance: ReturnType<typeof createAuth> | undefined;

export function getAuth() {
	instance ??= createAuth();
	return instance;
}

export type Auth = ReturnType<typeof createAuth>;
