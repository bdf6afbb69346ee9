// Password strength: every place a password is set (the first-run set-up, an admin creating or
// editing an account, the start-up admin from the environment, a person changing their own)
// refuses guessable passwords — common ones, repeats, sequences, single words, the person's own
// name or email — as judged by zxcvbn-ts with its common, English, Spanish and French
// dictionaries. The reason is given in the reader's language (zxcvbn-ts's own translations of
// its warnings, inside our message). The dictionaries (~50 MB) are loaded on first use only.
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { invalid } from '../http/errors';

/** zxcvbn's score (0–4) a password needs: 3 is "safely unguessable" (about 10⁸ guesses). */
export const MIN_SCORE = 3;

type Warnings = Record<string, string>;
interface Checker {
	zxcvbn: ZxcvbnFactory;
	warnings: Record<'en' | 'es' | 'fr', Warnings>;
}

let checker: Promise<Checker> | undefined;

async function load(): Promise<Checker> {
	const [{ ZxcvbnFactory }, common, en, es, fr] = await Promise.all([
		import('@zxcvbn-ts/core'),
		import('@zxcvbn-ts/language-common'),
		import('@zxcvbn-ts/language-en'),
		import('@zxcvbn-ts/language-es-es'),
		import('@zxcvbn-ts/language-fr')
	]);
	const zxcvbn = new ZxcvbnFactory({
		graphs: common.adjacencyGraphs,
		dictionary: { ...common.dictionary, ...en.dictionary, ...es.dictionary, ...fr.dictionary }
	});
	return {
		zxcvbn,
		warnings: {
			en: en.translations.warnings,
			es: es.translations.warnings,
			fr: fr.translations.warnings
		}
	};
}

/**
 * Starts loading the dictionaries (a few seconds on a busy machine) when a page that sets a
 * password opens, so that its answer does not wait for them.
 */
export function preparePasswordCheck(): void {
	checker ??= load();
}

/** Why `password` is too easy to guess, in the reader's language; null when it is fine. */
export async function passwordWeakness(
	password: string,
	personal: string[] = []
): Promise<string | null> {
	const { zxcvbn, warnings } = await (checker ??= load());
	// The person's own name and email (and its parts) count as easy to guess.
	const inputs = personal.flatMap((p) => [p, ...p.toLowerCase().split(/[^\p{L}\p{N}]+/u)]);
	const result = zxcvbn.check(
		password,
		inputs.filter((p) => p.length >= 3)
	);
	if (result.score >= MIN_SCORE) return null;
	const locale = getLocale();
	const key = result.feedback.warning;
	const reason = key ? warnings[locale]?.[key] || warnings.en[key] : null;
	return reason
		? m.password_weak_because({ reason: reason.replace(/\s*$/, '').replace(/([^.!?])$/, '$1.') })
		: m.password_weak();
}

/** Refuses (422 on the field `path`) a password that is too easy to guess. */
export async function assertStrongPassword(
	password: string,
	personal: string[],
	path = 'password'
): Promise<void> {
	const reason = await passwordWeakness(password, personal);
	if (reason) throw invalid(reason, [{ path, message: reason }]);
}
