// Every form action of the signed-in pages (and sign-in, set-up, sign-out) as the hostile-input
// tests call them: action, path, route parameters and valid example fields to mutate.
import fc from 'fast-check';
import { hostileString, paramOf } from './fuzz-helpers';
import { actions as accountPage } from '../../src/routes/(app)/account/+page.server';
import { actions as actionPage } from '../../src/routes/(app)/actions/[id]/+page.server';
import { actions as actionEdit } from '../../src/routes/(app)/actions/[id]/edit/+page.server';
import { actions as actionNew } from '../../src/routes/(app)/actions/new/+page.server';
import { actions as evidencePage } from '../../src/routes/(app)/evidence/+page.server';
import { actions as importsPage } from '../../src/routes/(app)/imports/+page.server';
import { actions as indicatorPage } from '../../src/routes/(app)/indicators/[code]/+page.server';
import { actions as indicatorEdit } from '../../src/routes/(app)/indicators/[code]/edit/+page.server';
import { actions as valuesPage } from '../../src/routes/(app)/indicators/[code]/observations/+page.server';
import { actions as indicatorNew } from '../../src/routes/(app)/indicators/new/+page.server';
import { actions as sharePage } from '../../src/routes/(app)/share-links/+page.server';
import { actions as translationPage } from '../../src/routes/(app)/translations/[kind]/[key]/+page.server';
import { actions as usersPage } from '../../src/routes/(app)/users/+page.server';
import { actions as userPage } from '../../src/routes/(app)/users/[id]/+page.server';
import { actions as signinPage } from '../../src/routes/(public)/signin/+page.server';
import { actions as signoutPage } from '../../src/routes/signout/+page.server';
import {
	actionFields,
	actionParams,
	codeParams,
	ids,
	indicatorFields,
	observationRow,
	type Form
} from './fuzz-forms-world';

export const FORMS: Form[] = [
	{
		name: 'sign-in',
		action: signinPage.default,
		path: '/signin',
		fields: () => ({ email: 'someone@example.org', password: 'a-long-password-1' })
	},
	{ name: 'sign-out', action: signoutPage.default, path: '/signout', fields: () => ({}) },
	{
		name: 'account ?/password',
		action: accountPage.password,
		path: '/account',
		fields: () => ({
			currentPassword: 'test-password-123',
			newPassword: 'another-password-1',
			confirmPassword: 'another-password-1'
		})
	},
	{ name: 'new action', action: actionNew.default, path: '/actions/new', fields: actionFields },
	{
		name: 'edit action',
		action: actionEdit.default,
		path: '/actions/x/edit',
		params: actionParams,
		fields: actionFields
	},
	{
		name: 'action ?/update',
		action: actionPage.update,
		path: '/actions/x',
		params: actionParams,
		fields: () => ({
			date: '2025-02-01',
			note: 'Progress',
			status: 'stalled',
			percentComplete: '50'
		})
	},
	{
		name: 'action ?/evidence',
		action: actionPage.evidence,
		path: '/actions/x',
		params: actionParams,
		fields: () => ({
			url: 'https://example.org/new',
			title: 'New',
			kind: 'news',
			publishedOn: '2024-02-02',
			note: 'n',
			target: `update:${ids.update}`
		})
	},
	{
		name: 'action ?/removeEvidence',
		action: actionPage.removeEvidence,
		path: '/actions/x',
		params: actionParams,
		fields: () => ({ evidenceId: ids.evidence })
	},
	{
		name: 'action ?/delete',
		action: actionPage.delete,
		path: '/actions/x',
		params: actionParams,
		fields: () => ({ version: '1' })
	},
	{
		name: 'action ?/restore',
		action: actionPage.restore,
		path: '/actions/x',
		params: actionParams,
		fields: () => ({})
	},
	{
		name: 'action ?/submit',
		action: actionPage.submit,
		path: '/actions/x',
		params: actionParams,
		fields: () => ({ version: '1' })
	},
	{
		name: 'action ?/validate',
		action: actionPage.validate,
		path: '/actions/x',
		params: actionParams,
		fields: () => ({ version: '1' })
	},
	{
		name: 'action ?/return',
		action: actionPage.return,
		path: '/actions/x',
		params: actionParams,
		fields: () => ({ comment: 'Add the source', version: '1' })
	},
	{
		name: 'evidence ?/add',
		action: evidencePage.add,
		path: '/evidence',
		fields: () => ({
			article: '5',
			url: 'https://example.org/article-5',
			title: 'Statement',
			kind: 'statement',
			publishedOn: '2024-03-03',
			note: 'n'
		})
	},
	{
		name: 'imports ?/preview',
		action: importsPage.preview,
		path: '/imports',
		fields: () => ({
			file: new File(
				[
					'indicator,country,period,disaggregation,value,status,source,note\n10.7.3,MEX,2022,,5,final,x,\n'
				],
				'values.csv',
				{ type: 'text/csv' }
			),
			format: 'template',
			indicator: '',
			country: ''
		}),
		readOnly: true
	},
	{
		name: 'imports ?/commit',
		action: importsPage.commit,
		path: '/imports',
		fields: () => ({ previewId: 'abc', validOnly: 'on' })
	},
	{
		name: 'indicator ?/submit',
		action: indicatorPage.submit,
		path: '/indicators/x',
		params: codeParams,
		fields: () => ({ id: ids.observation })
	},
	{
		name: 'indicator ?/validate',
		action: indicatorPage.validate,
		path: '/indicators/x',
		params: codeParams,
		fields: () => ({ id: ids.observation })
	},
	{
		name: 'indicator ?/return',
		action: indicatorPage.return,
		path: '/indicators/x',
		params: codeParams,
		fields: () => ({ id: ids.observation, comment: 'Check it' })
	},
	{
		name: 'indicator ?/validateAll',
		action: indicatorPage.validateAll,
		path: '/indicators/x',
		params: codeParams,
		fields: () => ({ country: 'MEX' })
	},
	{
		name: 'indicator ?/submitAll',
		action: indicatorPage.submitAll,
		path: '/indicators/x',
		params: codeParams,
		fields: () => ({ country: 'REGION' })
	},
	{
		name: 'edit indicator',
		action: indicatorEdit.default,
		path: '/indicators/x/edit',
		params: codeParams,
		fields: indicatorFields
	},
	{
		name: 'new indicator',
		action: indicatorNew.default,
		path: '/indicators/new',
		fields: indicatorFields
	},
	{
		name: 'values ?/one',
		action: valuesPage.one,
		path: '/indicators/x/observations',
		params: codeParams,
		fields: () => ({
			...observationRow(),
			evidenceUrl: 'https://example.org/data',
			evidenceTitle: 'Data'
		})
	},
	{
		name: 'values ?/table',
		action: valuesPage.table,
		path: '/indicators/x/observations',
		params: codeParams,
		fields: () => ({ rows: '2', ...observationRow('rows.0.'), ...observationRow('rows.1.') })
	},
	{
		name: 'share links ?/create',
		action: sharePage.create,
		path: '/share-links',
		fields: () => ({
			scope: 'country:MEX',
			label: 'For the minister',
			locale: 'es',
			expiresOn: '2099-01-01',
			asOf: ''
		})
	},
	{
		name: 'share links ?/revoke',
		action: sharePage.revoke,
		path: '/share-links',
		fields: () => ({ id: ids.share, label: 'Fuzz' })
	},
	{
		name: 'translation',
		action: translationPage.default,
		path: '/translations/x/y',
		params: () => ({
			kind: fc.oneof(fc.constantFrom('articles', 'indicators', 'references'), hostileString),
			key: paramOf('5')
		}),
		fields: () => ({
			'es.title': 'Título',
			'es.shortTitle': 'Corto',
			'fr.text': 'Texte',
			'fr.name': 'Nom',
			'es.description': 'Descripción',
			version: '1'
		})
	},
	{
		name: 'users ?/create',
		action: usersPage.create,
		path: '/users',
		fields: () => ({
			name: 'New Person',
			email: 'new.person@example.org',
			role: 'coordinator',
			countries: ['MEX', 'GTM'],
			active: 'on',
			password: 'a-long-password-1'
		})
	},
	{
		name: 'users ?/national',
		action: usersPage.national,
		path: '/users',
		fields: () => ({ country: 'GTM', nationalApproval: 'on' })
	},
	{
		name: 'user (edit)',
		action: userPage.default,
		path: '/users/x',
		params: () => ({ id: paramOf(ids.user) }),
		fields: () => ({
			name: 'Renamed',
			email: 'renamed@example.org',
			role: 'viewer',
			countries: ['MEX'],
			active: 'on',
			version: '1',
			password: ''
		})
	}
];
