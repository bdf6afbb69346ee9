// Server-side error log: every unexpected error gets a reference id that the user sees
// and that is logged here with the stack. The stack never goes to the user.
import { randomBytes } from 'node:crypto';

export function newReference(): string {
	return randomBytes(4).toString('hex').toUpperCase();
}

export function logError(
	error: unknown,
	event?: { request: Request; url: URL },
	reference = newReference()
): string {
	const where = event ? `${event.request.method} ${event.url.pathname}` : '';
	const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
	console.error(`[avance] error ${reference} ${where}\n${stack}`);
	return reference;
}
