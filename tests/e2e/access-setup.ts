// Shared pieces of the access specs (access*.spec.ts): a run tag, the patterns of an email
// address and a session cookie, and a request context of its own, signed in when asked.
import { type APIRequestContext } from '@playwright/test';
import { test, request as newRequest } from './api-test';
import { apiSignIn } from './helpers';

export const RUN = Date.now().toString(36);
export const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
export const SESSION = /session_token=([^;]+)/;

export function sessionOf(setCookie: string | undefined): string | undefined {
	return setCookie ? SESSION.exec(setCookie)?.[1] : undefined;
}

export async function newClient(email?: string, password?: string): Promise<APIRequestContext> {
	const baseURL = test.info().project.use.baseURL;
	const ctx = await newRequest.newContext({ baseURL });
	if (email) await apiSignIn(ctx, email, password);
	return ctx;
}
