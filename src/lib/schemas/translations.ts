import { z } from 'zod';

/** What can be translated: the articles of the declaration, indicators, reference items. */
export const TRANSLATION_KINDS = ['articles', 'indicators', 'references'] as const;
export type TranslationKind = (typeof TRANSLATION_KINDS)[number];
export const translationKindSchema = z.enum(TRANSLATION_KINDS);

/** The languages translations are entered for; English lives on the record itself. */
export const TRANSLATED_LOCALES = ['es', 'fr'] as const;
export type TranslatedLocale = (typeof TRANSLATED_LOCALES)[number];

export const TRANSLATION_FIELDS = ['title', 'shortTitle', 'text', 'name', 'description'] as const;
export type TranslationField = (typeof TRANSLATION_FIELDS)[number];

/** A translated text; empty (or null) removes it, so the English shows, marked. */
const translatedText = (max: number) =>
	z
		.string()
		.max(max)
		.nullable()
		.transform((v) => (v === null || v.trim() === '' ? null : v.trim()));

export const translationValuesSchema = z
	.object({
		title: translatedText(1000),
		shortTitle: translatedText(200),
		text: translatedText(20_000),
		name: translatedText(500),
		description: translatedText(5_000)
	})
	.partial()
	.strict();

/** PATCH /api/v1/translations/{kind}/{key} and the translation form. */
export const saveTranslationsSchema = z
	.object({
		version: z.string().min(1).max(64),
		values: z
			.object({ es: translationValuesSchema.optional(), fr: translationValuesSchema.optional() })
			.strict()
	})
	.strict();
export type SaveTranslationsInput = z.infer<typeof saveTranslationsSchema>;
