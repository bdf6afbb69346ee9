import { describe, it, expect } from 'vitest';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { fieldErrors, localizedIssues } from './validation';
import { setupSchema, signInSchema } from '$lib/schemas/auth';
import { iso3Schema, isoDateSchema } from '$lib/schemas/common';
import { shareLinkCreateSchema } from '$lib/schemas/share-links';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

const schema = z
	.object({
		title: z.string().trim().min(1).max(5),
		code: z.string().min(3),
		percent: z.number().int().min(0).max(100),
		articles: z.array(z.number()).min(1),
		status: z.enum(['planned', 'completed']),
		url: z.url(),
		own: z.string().min(1, { error: () => m.v_invalid_url() })
	})
	.strict();

describe('validation messages in the page language', () => {
	it('turns Zod defaults into plain messages in Spanish and French', () => {
		const r = schema.safeParse({
			title: 'far too long',
			code: 'ab',
			percent: 120,
			articles: [],
			status: 'done',
			url: 'not a url',
			own: 'x',
			extra: true
		});
		expect(r.success).toBe(false);
		if (r.success) return;
		const es = fieldErrors(r.error, 'es');
		expect(es).toMatchObject({
			title: 'Use como máximo 5 caracteres.',
			code: 'Escriba al menos 3 caracteres.',
			percent: 'Escriba un número igual o menor que 100.',
			articles: 'Elija al menos 1.',
			status: 'Elija una de las opciones ofrecidas.',
			url: 'Escriba una dirección web completa, que empiece por https:// o http://.',
			_form: 'Campos no previstos: extra.'
		});
		const fr = fieldErrors(r.error, 'fr');
		expect(plain(fr.code)).toBe('Saisissez au moins 3 caractères.');
		expect(plain(fr.percent)).toBe('Saisissez un nombre inférieur ou égal à 100.');
		const en = fieldErrors(r.error, 'en');
		expect(en.title).toBe('Use at most 5 characters.');
	});

	it('calls a missing field required and a decimal not a whole number', () => {
		const r = schema.safeParse({ title: '', percent: 2.5 });
		expect(r.success).toBe(false);
		if (r.success) return;
		const fr = fieldErrors(r.error, 'fr');
		expect(fr.title).toBe('Ce champ est obligatoire.');
		expect(fr.code).toBe('Ce champ est obligatoire.');
		expect(fr.percent).toBe('Saisissez un nombre entier.');
	});

	it('translates the English wording of shared schemas (sign-in, set-up, common)', () => {
		const s = setupSchema.safeParse({ name: ' ', email: 'nope', password: 'short' });
		expect(s.success).toBe(false);
		if (s.success) return;
		expect(fieldErrors(s.error, 'es')).toEqual({
			name: 'Escriba su nombre.',
			email: 'Escriba un correo electrónico válido.',
			password: 'Use al menos 10 caracteres.'
		});
		const si = signInSchema.safeParse({ email: '', password: '' });
		expect(si.success).toBe(false);
		if (!si.success) {
			expect(fieldErrors(si.error, 'fr').password).toBe('Saisissez votre mot de passe.');
		}
		const iso = iso3Schema.safeParse('mexico');
		const date = isoDateSchema.safeParse('31/12/2024');
		expect(!iso.success && localizedIssues(iso.error, 'es')[0].message).toBe(
			'Use un código ISO 3166-1 alfa-3, como MEX.'
		);
		expect(!date.success && localizedIssues(date.error, 'fr')[0].message).toBe(
			'Saisissez la date au format AAAA-MM-JJ.'
		);
	});

	it('translates the share-link form’s own wording', () => {
		const r = shareLinkCreateSchema.safeParse({ scopeType: 'x', scopeTarget: '', label: '' });
		expect(r.success).toBe(false);
		if (r.success) return;
		expect(fieldErrors(r.error, 'fr')).toMatchObject({
			scopeType: 'Choisissez ce que montre le lien.',
			scopeTarget: 'Choisissez l’article, le pays ou l’indicateur.',
			label: 'Donnez un libellé au lien, par exemple son destinataire.'
		});
	});

	it('keeps a message a schema produced itself, and paths as dotted names', () => {
		const nested = z.object({ dates: z.object({ due: z.iso.date() }) });
		const r = nested.safeParse({ dates: { due: 'soon' } });
		expect(!r.success && localizedIssues(r.error, 'en')).toEqual([
			{ path: 'dates.due', message: 'Use a date as YYYY-MM-DD.' }
		]);
		const own = z.string().refine(() => false, { message: 'A rule of our own.' });
		const o = own.safeParse('x');
		expect(!o.success && localizedIssues(o.error, 'es')[0].message).toBe('A rule of our own.');
	});
});
