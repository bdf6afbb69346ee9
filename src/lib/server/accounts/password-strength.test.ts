// Guessable passwords are refused wherever a password is set (first-run set-up, an admin
// creating or editing an account, a person changing their own), with the reason in the reader's
// language, and nothing is written.
import { describe, it, expect, beforeAll, afterAll, afterEach } from 'vitest';
import { freshDb, snapshot, type TestDb } from '../../../../tests/helpers/db';
import { setDb } from '../db';
import { cast } from '../../../../tests/helpers/cast';
import { makeActor } from '../../../../tests/helpers/actors';
import { changeOwnPassword, createUser, createUserRecord, updateUser, getUser } from './users';
import { isAppError, type AppError } from '../http/errors';
import { overwriteGetLocale, baseLocale } from '$lib/paraglide/runtime';
import { passwordWeakness } from './password-strength';

const GUESSABLE = [
	'          ',
	'password12',
	'aaaaaaaaaa',
	'1234567890',
	'qwertyuiop',
	'contraseña123',
	'motdepasse1',
	'Password123!'
];

let t: TestDb;
beforeAll(() => {
	t = freshDb();
	setDb(t.db);
});
afterAll(() => {
	setDb(undefined);
	t.close();
});
afterEach(() => overwriteGetLocale(() => baseLocale));

async function refusal(run: () => Promise<unknown>): Promise<AppError> {
	try {
		await run();
	} catch (e) {
		if (isAppError(e)) return e;
		throw e;
	}
	throw new Error('the password was accepted');
}

describe('password strength', () => {
	it.each(GUESSABLE)('%j is too easy to guess', async (password) => {
		expect(await passwordWeakness(password)).toMatch(/too easy to guess/);
	});

	it('accepts a long phrase of unrelated words, refuses the person’s own name and email', async () => {
		expect(await passwordWeakness('correct-horse-battery-staple')).toBeNull();
		expect(await passwordWeakness('violeta-cuaderno-tranvía')).toBeNull();
		// Not guessable in general, but made of the person's own email address.
		expect(await passwordWeakness('hwzkrqpv2024')).toBeNull();
		expect(await passwordWeakness('hwzkrqpv2024', ['hwzkrqpv@example.org'])).toMatch(/personal/);
	});

	it('gives the reason in the reader’s language', async () => {
		overwriteGetLocale(() => 'es');
		expect(await passwordWeakness('aaaaaaaaaa')).toMatch(/^Esta contraseña es demasiado fácil/);
		overwriteGetLocale(() => 'fr');
		const fr = await passwordWeakness('password12');
		expect(fr).toMatch(/^Ce mot de passe est trop facile à deviner : .+\./);
		expect(fr).toContain('couramment utilisé');
	});

	it('the first-run set-up (and the start-up admin) refuse it and write nothing', async () => {
		const before = snapshot(t.db);
		for (const password of ['          ', 'password12', 'aaaaaaaaaa']) {
			const e = await refusal(() =>
				createUserRecord(t.db, null, {
					email: 'first@example.org',
					name: 'First',
					password,
					role: 'admin'
				})
			);
			expect(e.status).toBe(422);
			expect(e.issues[0].path).toBe('password');
		}
		expect(snapshot(t.db)).toEqual(before);
	});

	it('an admin creating or editing an account, and a person changing their own', async () => {
		const who = cast(t.db);
		const created = await refusal(() =>
			createUser(t.db, who.admin, {
				email: 'weak@example.org',
				name: 'Weak',
				password: 'password12',
				role: 'viewer'
			})
		);
		expect(created.issues[0].path).toBe('password');

		const person = await makeActor(t.db, 'viewer');
		const current = getUser(t.db, who.admin, person.id);
		const edited = await refusal(() =>
			updateUser(t.db, who.admin, person.id, { version: current.version, password: 'aaaaaaaaaa' })
		);
		expect(edited.issues[0].path).toBe('password');
		expect(getUser(t.db, who.admin, person.id).version).toBe(current.version);

		const own = await refusal(() =>
			changeOwnPassword(t.db, person, {
				currentPassword: 'test-password-123',
				newPassword: '          '
			})
		);
		expect(own.issues[0].path).toBe('newPassword');
		// A good one still goes through.
		await changeOwnPassword(t.db, person, {
			currentPassword: 'test-password-123',
			newPassword: 'lantern-orchard-quietly-9'
		});
	});
});
