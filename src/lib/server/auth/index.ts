// better-auth, configured once: email + password, sessions in SQLite through drizzle,
// sign-in rate limited per client address, inactive users refused.
import { betterAuth } from 'better-auth';
import { APIError, createAuthMiddleware } from 'better-auth/api';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { sveltekitCookies } from 'better-auth/svelte-kit';
import { getRequestEvent } from '$app/server';
import { and, eq } from 'drizzle-orm';
import { getDb } from '../db';
import { user, session, account, verification } from '../db/schema';
import { authSecret } from '../runtime/config';

/**
 * The better-auth endpoints Avance uses. Every other one (update-user, change-password,
 * change-email, delete-user, sign-up, sessions, password resets…) answers 404: accounts change
 * only through Avance's own routes, with its rules and an audit entry (users.ts).
 */
export const AUTH_ENDPOINTS: ReadonlySet<string> = new Set([
	'/sign-in/email',
	'/sign-out',
	'/get-session'
]);

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
				if (!AUTH_ENDPOINTS.has(ctx.path))
					throw new APIError('NOT_FOUND', { message: 'Not found' });
				if (ctx.path !== '/sign-in/email') return;
				const body = ctx.body as { email?: unknown; password?: unknown } | undefined;
				const email = String(body?.email ?? '').toLowerCase();
				const found = db
					.select({ active: user.active, hash: account.password })
					.from(user)
					.leftJoin(account, and(eq(account.userId, user.id), eq(account.providerId, 'credential')))
					.where(eq(user.email, email))
					.get();
				if (found && !found.active) {
					// A deactivated account answers exactly as a wrong password does, after the same
					// work (the password is checked against its hash), so neither the message nor
					// the time taken tells that the account exists.
					const password = String(body?.password ?? '');
					if (found.hash) await ctx.context.password.verify({ hash: found.hash, password });
					else await ctx.context.password.hash(password);
					throw APIError.from('UNAUTHORIZED', {
						code: 'INVALID_EMAIL_OR_PASSWORD',
						message: 'Invalid email or password'
					});
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
