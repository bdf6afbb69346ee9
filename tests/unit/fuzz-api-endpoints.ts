// Every JSON endpoint of /api/v1 as the hostile-input tests call them (the action endpoints:
// fuzz-api-endpoints-actions.ts): handler, method, path, parameters, query keys and a valid body
// to mutate.
import { paramOf } from './fuzz-helpers';
import * as articles from '../../src/routes/api/v1/articles/+server';
import * as article from '../../src/routes/api/v1/articles/[n]/+server';
import * as audit from '../../src/routes/api/v1/audit/+server';
import * as countries from '../../src/routes/api/v1/countries/+server';
import * as evidence from '../../src/routes/api/v1/evidence/+server';
import * as evidenceItem from '../../src/routes/api/v1/evidence/[id]/+server';
import * as imports from '../../src/routes/api/v1/imports/+server';
import * as indicators from '../../src/routes/api/v1/indicators/+server';
import * as indicatorItem from '../../src/routes/api/v1/indicators/[code]/+server';
import * as observations from '../../src/routes/api/v1/indicators/[code]/observations/+server';
import * as observation from '../../src/routes/api/v1/indicators/[code]/observations/[id]/+server';
import * as obsReturn from '../../src/routes/api/v1/indicators/[code]/observations/[id]/return/+server';
import * as obsSubmit from '../../src/routes/api/v1/indicators/[code]/observations/[id]/submit/+server';
import * as obsValidate from '../../src/routes/api/v1/indicators/[code]/observations/[id]/validate/+server';
import * as progress from '../../src/routes/api/v1/indicators/[code]/progress/+server';
import * as shareLinks from '../../src/routes/api/v1/share-links/+server';
import * as shareLink from '../../src/routes/api/v1/share-links/[id]/+server';
import * as users from '../../src/routes/api/v1/users/+server';
import * as user from '../../src/routes/api/v1/users/[id]/+server';
import * as missing from '../../src/routes/api/v1/[...rest]/+server';
import * as approval from '../../src/routes/api/v1/countries/[iso3]/approval/+server';
import { codeParam, ids, obsParams, type Endpoint } from './fuzz-api-world';
import { ACTION_ENDPOINTS } from './fuzz-api-endpoints-actions';

export const ENDPOINTS: Endpoint[] = [
	...ACTION_ENDPOINTS,
	{
		name: 'GET /articles',
		handler: articles.GET,
		method: 'GET',
		path: '/api/v1/articles',
		query: ['lang']
	},
	{
		name: 'GET /articles/{n}',
		handler: article.GET,
		method: 'GET',
		path: '/api/v1/articles/x',
		params: () => ({ n: paramOf('5') }),
		query: ['lang']
	},
	{
		name: 'GET /audit',
		handler: audit.GET,
		method: 'GET',
		path: '/api/v1/audit',
		query: ['entity', 'id', 'user', 'operation', 'from', 'to', 'limit', 'cursor']
	},
	{
		name: 'GET /countries',
		handler: countries.GET,
		method: 'GET',
		path: '/api/v1/countries',
		query: ['member', 'lang']
	},
	{
		name: 'GET /evidence',
		handler: evidence.GET,
		method: 'GET',
		path: '/api/v1/evidence',
		query: [
			'targetType',
			'targetId',
			'kind',
			'country',
			'article',
			'q',
			'deleted',
			'limit',
			'cursor',
			'page'
		]
	},
	{
		name: 'POST /evidence',
		handler: evidence.POST,
		method: 'POST',
		path: '/api/v1/evidence',
		body: () => ({
			url: 'https://example.org/report?utm_source=x',
			title: 'Report',
			kind: 'report',
			publishedOn: '2024-05-01',
			note: 'Annex',
			target: { type: 'action', id: Number(ids.action) }
		})
	},
	{
		name: 'GET /evidence/{id}',
		handler: evidenceItem.GET,
		method: 'GET',
		path: '/api/v1/evidence/x',
		params: () => ({ id: paramOf(ids.evidence) })
	},
	{
		name: 'DELETE /evidence/{id}',
		handler: evidenceItem.DELETE,
		method: 'DELETE',
		path: '/api/v1/evidence/x',
		params: () => ({ id: paramOf(ids.evidence) })
	},
	{ name: 'GET /imports', handler: imports.GET, method: 'GET', path: '/api/v1/imports' },
	{
		name: 'GET /indicators',
		handler: indicators.GET,
		method: 'GET',
		path: '/api/v1/indicators',
		query: ['lang']
	},
	{
		name: 'POST /indicators',
		handler: indicators.POST,
		method: 'POST',
		path: '/api/v1/indicators',
		body: () => ({
			code: 'RCM-99.1',
			name: 'Fuzzed',
			unit: 'percent',
			direction: 'increase',
			baselineYear: 2015,
			baselineValue: 10,
			targetYear: 2030,
			targetValue: 50,
			scaleMin: 0,
			scaleMax: 100,
			articles: [3],
			sdg: ['10.7'],
			gcm: [1],
			translations: { es: { name: 'Difuso' } }
		})
	},
	{
		name: 'GET /indicators/{code}',
		handler: indicatorItem.GET,
		method: 'GET',
		path: '/api/v1/indicators/x',
		params: codeParam,
		query: ['lang']
	},
	{
		name: 'PATCH /indicators/{code}',
		handler: indicatorItem.PATCH,
		method: 'PATCH',
		path: '/api/v1/indicators/x',
		params: codeParam,
		body: () => ({ version: 1, name: 'Renamed', ceiling: 5, targetYear: 2030, targetValue: 3 })
	},
	{
		name: 'GET /indicators/{code}/observations',
		handler: observations.GET,
		method: 'GET',
		path: '/api/v1/indicators/x/observations',
		params: codeParam,
		query: ['country', 'from', 'to', 'validatedOnly', 'review', 'format', 'limit', 'cursor']
	},
	{
		name: 'POST /indicators/{code}/observations',
		handler: observations.POST,
		method: 'POST',
		path: '/api/v1/indicators/x/observations',
		params: codeParam,
		body: () => ({
			observations: [
				{
					country: 'MEX',
					period: '2024-Q2',
					disaggregation: { sex: 'female' },
					value: 7,
					status: 'provisional',
					source: 'INM',
					note: 'n',
					evidence: { url: 'https://example.org/d', title: 'Data', kind: 'dataset' }
				}
			]
		})
	},
	{
		name: 'GET /indicators/{code}/observations/{id}',
		handler: observation.GET,
		method: 'GET',
		path: '/api/v1/indicators/x/observations/y',
		params: obsParams
	},
	{
		name: 'POST /indicators/{code}/observations/{id}/submit',
		handler: obsSubmit.POST,
		method: 'POST',
		path: '/api/v1/indicators/x/observations/y/submit',
		params: obsParams,
		body: () => ({ version: 1 })
	},
	{
		name: 'POST /indicators/{code}/observations/{id}/validate',
		handler: obsValidate.POST,
		method: 'POST',
		path: '/api/v1/indicators/x/observations/y/validate',
		params: obsParams,
		body: () => ({ version: 1 })
	},
	{
		name: 'POST /indicators/{code}/observations/{id}/return',
		handler: obsReturn.POST,
		method: 'POST',
		path: '/api/v1/indicators/x/observations/y/return',
		params: obsParams,
		body: () => ({ comment: 'Check the source' })
	},
	{
		name: 'GET /indicators/{code}/progress',
		handler: progress.GET,
		method: 'GET',
		path: '/api/v1/indicators/x/progress',
		params: codeParam,
		query: ['country', 'method', 'validatedOnly']
	},
	{ name: 'GET /share-links', handler: shareLinks.GET, method: 'GET', path: '/api/v1/share-links' },
	{
		name: 'POST /share-links',
		handler: shareLinks.POST,
		method: 'POST',
		path: '/api/v1/share-links',
		body: () => ({
			scopeType: 'article',
			scopeTarget: '5',
			label: 'For the minister',
			locale: 'fr',
			expiresOn: '2099-01-01',
			asOf: '2024-12-31'
		})
	},
	{
		name: 'DELETE /share-links/{id}',
		handler: shareLink.DELETE,
		method: 'DELETE',
		path: '/api/v1/share-links/x',
		params: () => ({ id: paramOf(ids.share) })
	},
	{
		name: 'GET /users',
		handler: users.GET,
		method: 'GET',
		path: '/api/v1/users',
		query: ['role', 'active', 'q']
	},
	{
		name: 'POST /users',
		handler: users.POST,
		method: 'POST',
		path: '/api/v1/users',
		body: () => ({
			email: 'new.person@example.org',
			name: 'New Person',
			password: 'a-long-password-1',
			role: 'coordinator',
			countries: ['MEX'],
			active: true
		})
	},
	{
		name: 'GET /users/{id}',
		handler: user.GET,
		method: 'GET',
		path: '/api/v1/users/x',
		params: () => ({ id: paramOf(ids.user) })
	},
	{
		name: 'PATCH /users/{id}',
		handler: user.PATCH,
		method: 'PATCH',
		path: '/api/v1/users/x',
		params: () => ({ id: paramOf(ids.user) }),
		body: () => ({ version: 1, name: 'Renamed', role: 'viewer', countries: [], active: false })
	},
	{
		name: 'GET /countries/{iso3}/approval',
		handler: approval.GET,
		method: 'GET',
		path: '/api/v1/countries/x/approval',
		params: () => ({ iso3: paramOf('GTM') })
	},
	{
		name: 'PUT /countries/{iso3}/approval',
		handler: approval.PUT,
		method: 'PUT',
		path: '/api/v1/countries/x/approval',
		params: () => ({ iso3: paramOf('GTM') }),
		body: () => ({ country: 'GTM', nationalApproval: true })
	},
	{
		name: 'POST /unknown',
		handler: missing.POST,
		method: 'POST',
		path: '/api/v1/unknown',
		params: () => ({ rest: paramOf('unknown') }),
		body: () => ({ anything: 1 })
	}
];
