// The action endpoints of /api/v1 (records, review steps, progress updates) as the hostile-input
// tests call them: handler, method, path, parameters, query keys and a valid body to mutate.
import * as actions from '../../src/routes/api/v1/actions/+server';
import * as action from '../../src/routes/api/v1/actions/[id]/+server';
import * as restore from '../../src/routes/api/v1/actions/[id]/restore/+server';
import * as actionReturn from '../../src/routes/api/v1/actions/[id]/return/+server';
import * as actionSubmit from '../../src/routes/api/v1/actions/[id]/submit/+server';
import * as actionValidate from '../../src/routes/api/v1/actions/[id]/validate/+server';
import * as updates from '../../src/routes/api/v1/actions/[id]/updates/+server';
import { actionId, type Endpoint } from './fuzz-api-world';

export const ACTION_ENDPOINTS: Endpoint[] = [
	{
		name: 'GET /actions',
		handler: actions.GET,
		method: 'GET',
		path: '/api/v1/actions',
		query: [
			'article',
			'country',
			'status',
			'review',
			'q',
			'overdue',
			'deleted',
			'sort',
			'order',
			'limit',
			'cursor',
			'page',
			'lang'
		]
	},
	{
		name: 'POST /actions',
		handler: actions.POST,
		method: 'POST',
		path: '/api/v1/actions',
		body: () => ({
			title: 'New',
			description: 'Text',
			country: 'MEX',
			articles: [2, 3],
			leadAgency: 'Ministry',
			status: 'in_progress',
			percentComplete: 20,
			startDate: '2024-01-01',
			dueDate: '2026-01-01',
			indicators: ['10.7.3'],
			language: 'es'
		})
	},
	{
		name: 'GET /actions/{id}',
		handler: action.GET,
		method: 'GET',
		path: '/api/v1/actions/x',
		params: actionId
	},
	{
		name: 'PATCH /actions/{id}',
		handler: action.PATCH,
		method: 'PATCH',
		path: '/api/v1/actions/x',
		params: actionId,
		body: () => ({
			version: 1,
			title: 'Changed',
			status: 'completed',
			percentComplete: 100,
			completedOn: '2025-01-01'
		})
	},
	{
		name: 'DELETE /actions/{id}',
		handler: action.DELETE,
		method: 'DELETE',
		path: '/api/v1/actions/x',
		params: actionId,
		query: ['version']
	},
	{
		name: 'POST /actions/{id}/restore',
		handler: restore.POST,
		method: 'POST',
		path: '/api/v1/actions/x/restore',
		params: actionId,
		body: () => ({ version: 1 })
	},
	{
		name: 'POST /actions/{id}/submit',
		handler: actionSubmit.POST,
		method: 'POST',
		path: '/api/v1/actions/x/submit',
		params: actionId,
		body: () => ({ version: 1 })
	},
	{
		name: 'POST /actions/{id}/validate',
		handler: actionValidate.POST,
		method: 'POST',
		path: '/api/v1/actions/x/validate',
		params: actionId,
		body: () => ({ version: 1 })
	},
	{
		name: 'POST /actions/{id}/return',
		handler: actionReturn.POST,
		method: 'POST',
		path: '/api/v1/actions/x/return',
		params: actionId,
		body: () => ({ comment: 'Please add the source', version: 1 })
	},
	{
		name: 'GET /actions/{id}/updates',
		handler: updates.GET,
		method: 'GET',
		path: '/api/v1/actions/x/updates',
		params: actionId
	},
	{
		name: 'POST /actions/{id}/updates',
		handler: updates.POST,
		method: 'POST',
		path: '/api/v1/actions/x/updates',
		params: actionId,
		body: () => ({
			date: '2025-02-01',
			note: 'Progress',
			status: 'in_progress',
			percentComplete: 40
		})
	}
];
