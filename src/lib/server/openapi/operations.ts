// Every endpoint of /api/v1, with the zod schemas it validates its input with (the very ones
// the route files import) and the schemas of what it answers (schemas/api-responses.ts).
// document.ts turns this list into the OpenAPI description; a test checks that every route
// file's methods are listed here.
import { z } from 'zod';
import { apiKeyCreateSchema, apiKeyQuerySchema } from '$lib/schemas/api-keys';
import { countryQuery, localeQuery } from '$lib/schemas/common';
import { shareLinkCreateSchema } from '$lib/schemas/share-links';
import {
	editionCreateSchema,
	editionData,
	editionDiff,
	editionSummary
} from '$lib/schemas/editions';
import { saveTranslationsSchema } from '$lib/schemas/translations';
import { siteSettingsPatchSchema, siteSettingsSchema } from '$lib/schemas/settings';
import {
	auditQuerySchema,
	userCreateSchema,
	userPatchSchema,
	userQuerySchema
} from '$lib/schemas/users';
import * as r from '$lib/schemas/api-responses';
import { RECORD_OPERATIONS } from './record-operations';
import { COMMENT_OPERATIONS, DESK_OPERATIONS } from './desk-operations';
import { IMPORT_OPERATIONS } from './import-operations';
import { created, noContent, ok, type Operation } from './operation';

export type { Operation } from './operation';

export const OPERATIONS: Operation[] = [
	{
		method: 'get',
		path: '/health',
		tag: 'Service',
		summary: 'Health of the service and its database',
		public: true,
		responses: {
			...ok(r.healthResponse),
			503: { description: 'The database does not answer.', schema: r.healthResponse }
		}
	},
	{
		method: 'get',
		path: '/openapi.json',
		tag: 'Service',
		summary: 'This description (OpenAPI 3.1), generated from the schemas the API validates with',
		public: true,
		responses: ok(z.looseObject({ openapi: z.string(), paths: z.record(z.string(), z.unknown()) }))
	},
	{
		method: 'get',
		path: '/api-keys',
		tag: 'API keys',
		summary: 'Your API keys (admins: anyone’s with ?user=ID)',
		query: apiKeyQuerySchema,
		responses: ok(r.listOf(r.apiKeyItem)),
		errors: [404]
	},
	{
		method: 'post',
		path: '/api-keys',
		tag: 'API keys',
		summary: 'Create an API key for yourself; the key is answered this once',
		body: apiKeyCreateSchema,
		responses: created(r.apiKeyCreated),
		errors: [415, 422],
		example: { request: { name: 'INEGI nightly load', expiresOn: '2026-12-31' } }
	},
	{
		method: 'delete',
		path: '/api-keys/{id}',
		tag: 'API keys',
		summary: 'Revoke an API key: requests with it get 401 from now on',
		responses: noContent,
		errors: [404]
	},
	{
		method: 'get',
		path: '/articles',
		tag: 'Declaration',
		summary: 'The 18 articles with their text, references and progress summary',
		query: localeQuery,
		responses: ok(r.listOf(r.articleDetail))
	},
	{
		method: 'get',
		path: '/articles/{n}',
		tag: 'Declaration',
		summary: 'One article',
		query: localeQuery,
		responses: ok(r.articleDetail),
		errors: [404]
	},
	{
		method: 'get',
		path: '/countries',
		tag: 'Declaration',
		summary: 'Countries (ISO3, M49, name, member flag)',
		query: countryQuery,
		responses: ok(r.listOf(r.countryItem))
	},
	...RECORD_OPERATIONS,
	...DESK_OPERATIONS,
	...COMMENT_OPERATIONS,
	...IMPORT_OPERATIONS,
	{
		method: 'get',
		path: '/share-links',
		tag: 'Sharing',
		summary: 'Share links (admins: all; coordinators: their countries’)',
		responses: ok(r.listOf(r.shareLinkItem))
	},
	{
		method: 'post',
		path: '/share-links',
		tag: 'Sharing',
		summary: 'Create a share link; the token and URL are answered this once',
		body: shareLinkCreateSchema,
		responses: created(r.shareLinkCreated),
		errors: [415, 422]
	},
	{
		method: 'delete',
		path: '/share-links/{id}',
		tag: 'Sharing',
		summary: 'Revoke a share link',
		responses: noContent,
		errors: [404]
	},
	{
		method: 'get',
		path: '/editions',
		tag: 'Editions',
		summary: 'Editions: immutable snapshots of the validated data at a day, newest first',
		responses: ok(r.listOf(editionSummary))
	},
	{
		method: 'post',
		path: '/editions',
		tag: 'Editions',
		summary: 'Make an edition of everything validated at asOf (default today); admins',
		body: editionCreateSchema,
		responses: created(editionSummary),
		errors: [415, 422],
		example: { request: { name: 'Vice-Ministerial meeting 2026', asOf: '2026-06-30' } }
	},
	{
		method: 'get',
		path: '/editions/{slug}',
		tag: 'Editions',
		summary: 'One edition',
		responses: ok(editionSummary),
		errors: [404]
	},
	{
		method: 'get',
		path: '/editions/{slug}/data.json',
		tag: 'Editions',
		summary: 'The snapshot in canonical JSON; its SHA-256 is the edition’s hash',
		description: 'Keys sorted, no whitespace, UTF-8 (docs/editions.md). The bytes never change.',
		responses: ok(editionData),
		errors: [404]
	},
	{
		method: 'get',
		path: '/editions/{a}/diff/{b}',
		tag: 'Editions',
		summary: 'What changed from edition a to edition b, by member state and article',
		responses: ok(editionDiff),
		errors: [404]
	},
	{
		method: 'get',
		path: '/users',
		tag: 'Accounts',
		summary: 'Accounts (admins)',
		query: userQuerySchema,
		responses: ok(r.listOf(r.userRecord))
	},
	{
		method: 'post',
		path: '/users',
		tag: 'Accounts',
		summary: 'Create an account (admins)',
		body: userCreateSchema,
		responses: created(r.userRecord),
		errors: [409, 415, 422]
	},
	{
		method: 'get',
		path: '/users/{id}',
		tag: 'Accounts',
		summary: 'One account',
		responses: ok(r.userRecord),
		errors: [404]
	},
	{
		method: 'patch',
		path: '/users/{id}',
		tag: 'Accounts',
		summary: 'Edit an account: role, countries, active (admins)',
		body: userPatchSchema,
		responses: ok(r.userRecord),
		errors: [404, 409, 415, 422]
	},
	{
		method: 'get',
		path: '/audit',
		tag: 'Accounts',
		summary: 'The audit log (admins); entries made through an API key name it in apiKeyId',
		query: auditQuerySchema,
		responses: ok(z.looseObject({ items: z.array(r.auditItem), nextCursor: z.string().nullable() }))
	},
	{
		method: 'get',
		path: '/translations/{kind}',
		tag: 'Translations',
		summary: 'Every item of a kind with its Spanish and French texts (admins)',
		responses: ok(r.listOf(r.translatableItem)),
		errors: [404]
	},
	{
		method: 'get',
		path: '/translations/{kind}/{key}',
		tag: 'Translations',
		summary: 'One item with its translations (admins)',
		responses: ok(r.translatableItem),
		errors: [404]
	},
	{
		method: 'patch',
		path: '/translations/{kind}/{key}',
		tag: 'Translations',
		summary: 'Save translations (admins); `version` as read',
		body: saveTranslationsSchema,
		responses: ok(r.translatableItem),
		errors: [404, 409, 415, 422]
	},
	{
		method: 'get',
		path: '/settings',
		tag: 'Settings',
		summary: 'The site’s settings: the default progress method',
		responses: ok(siteSettingsSchema)
	},
	{
		method: 'patch',
		path: '/settings',
		tag: 'Settings',
		summary: 'Change the site’s settings (admins); audited, pages refresh at once',
		body: siteSettingsPatchSchema,
		responses: ok(siteSettingsSchema),
		errors: [415, 422],
		example: { request: { defaultMethod: 'anticipated-progress' } }
	}
];
