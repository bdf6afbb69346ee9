// The endpoints of the records people keep: actions and their updates, evidence,
// indicators, observations, verdicts and imports (see operations.ts for the shape).
import { z } from 'zod';
import {
	actionCreateSchema,
	actionDeleteQuery,
	actionPatchSchema,
	actionQuerySchema,
	actionUpdateSchema,
	reviewStepSchema,
	returnSchema as actionReturnSchema
} from '$lib/schemas/actions';
import { evidenceCreateSchema, evidenceQuerySchema } from '$lib/schemas/evidence';
import { importOptionsSchema } from '$lib/schemas/imports';
import {
	indicatorCreateSchema,
	indicatorListQuery,
	indicatorUpdateSchema,
	progressQuery
} from '$lib/schemas/indicators';
import {
	observationListQuery,
	observationUpsertSchema,
	returnSchema as observationReturnSchema,
	reviewSchema as observationReviewSchema
} from '$lib/schemas/observations';
import * as r from '$lib/schemas/api-responses';
import { created, ok, type Operation } from './operation';

const ACTIONS = 'Actions';
const OBS = 'Indicators and observations';

export const RECORD_OPERATIONS: Operation[] = [
	{
		method: 'get',
		path: '/actions',
		tag: ACTIONS,
		summary: 'Implementation actions, filtered and paged',
		query: actionQuerySchema,
		responses: ok(r.actionList)
	},
	{
		method: 'post',
		path: '/actions',
		tag: ACTIONS,
		summary: 'Record an action (coordinators: their countries and regional)',
		body: actionCreateSchema,
		responses: created(r.actionRecord),
		errors: [415, 422],
		example: {
			request: {
				title: 'Reduce remittance fees on the USA–MEX corridor',
				country: 'MEX',
				articles: [2],
				status: 'in_progress',
				percentComplete: 40,
				startDate: '2024-01-15',
				dueDate: '2026-06-30'
			}
		}
	},
	{
		method: 'get',
		path: '/actions/{id}',
		tag: ACTIONS,
		summary: 'One action',
		responses: ok(r.actionRecord),
		errors: [404]
	},
	{
		method: 'patch',
		path: '/actions/{id}',
		tag: ACTIONS,
		summary: 'Edit an action; `version` is the version you read (409 when stale)',
		body: actionPatchSchema,
		responses: ok(r.actionRecord),
		errors: [404, 409, 415, 422],
		example: { request: { version: 1, percentComplete: 60 } }
	},
	{
		method: 'delete',
		path: '/actions/{id}',
		tag: ACTIONS,
		summary: 'Delete an action (it can be restored)',
		query: actionDeleteQuery,
		responses: ok(r.actionRecord),
		errors: [404, 409]
	},
	...(['restore', 'submit', 'validate'] as const).map((step): Operation => ({
		method: 'post',
		path: `/actions/{id}/${step}`,
		tag: ACTIONS,
		summary:
			step === 'restore'
				? 'Restore a deleted action'
				: step === 'submit'
					? 'Submit an action for validation'
					: 'Validate an action (admins; with national approval on for its country, a focal point of the country first, which passes it on to the secretariat)',
		body: reviewStepSchema,
		bodyOptional: true,
		responses: ok(r.actionRecord),
		errors: [404, 409, 415, 422]
	})),
	{
		method: 'post',
		path: '/actions/{id}/return',
		tag: ACTIONS,
		summary:
			'Return an action to its author with a comment (admins; a focal point while it waits for national approval)',
		body: actionReturnSchema,
		responses: ok(r.actionRecord),
		errors: [404, 409, 415, 422]
	},
	{
		method: 'get',
		path: '/actions/{id}/updates',
		tag: ACTIONS,
		summary: 'The action’s timeline',
		responses: ok(r.listOf(r.updateItem)),
		errors: [404]
	},
	{
		method: 'post',
		path: '/actions/{id}/updates',
		tag: ACTIONS,
		summary: 'Add a dated progress update',
		body: actionUpdateSchema,
		responses: created(r.updateItem),
		errors: [404, 409, 415, 422],
		example: {
			request: { date: '2025-03-31', note: 'Fee cap agreed with banks.', percentComplete: 60 }
		}
	},
	{
		method: 'get',
		path: '/evidence',
		tag: 'Evidence',
		summary: 'Evidence links, filtered and paged',
		query: evidenceQuerySchema,
		responses: ok(r.evidenceList)
	},
	{
		method: 'post',
		path: '/evidence',
		tag: 'Evidence',
		summary: 'Attach evidence to an action, update, article, indicator or observation',
		body: evidenceCreateSchema,
		responses: created(r.evidenceItem),
		errors: [404, 409, 415, 422]
	},
	{
		method: 'get',
		path: '/evidence/{id}',
		tag: 'Evidence',
		summary: 'One evidence link',
		responses: ok(r.evidenceItem),
		errors: [404]
	},
	{
		method: 'delete',
		path: '/evidence/{id}',
		tag: 'Evidence',
		summary: 'Delete an evidence link',
		responses: ok(r.evidenceItem),
		errors: [404]
	},
	{
		method: 'get',
		path: '/indicators',
		tag: OBS,
		summary: 'The indicator catalogue',
		query: indicatorListQuery,
		responses: ok(r.listOf(r.indicatorRecord))
	},
	{
		method: 'post',
		path: '/indicators',
		tag: OBS,
		summary: 'Add an indicator (admins)',
		body: indicatorCreateSchema,
		responses: created(r.indicatorRecord),
		errors: [409, 415, 422]
	},
	{
		method: 'get',
		path: '/indicators/{code}',
		tag: OBS,
		summary: 'One indicator',
		query: indicatorListQuery,
		responses: ok(r.indicatorRecord),
		errors: [404]
	},
	{
		method: 'patch',
		path: '/indicators/{code}',
		tag: OBS,
		summary: 'Edit an indicator (admins); `version` as read',
		body: indicatorUpdateSchema,
		responses: ok(r.indicatorRecord),
		errors: [404, 409, 415, 422]
	},
	{
		method: 'get',
		path: '/indicators/{code}/observations',
		tag: OBS,
		summary: 'Observations of an indicator: JSON pages, or every value as CSV or SDMX-CSV',
		description:
			'`format=csv` answers Avance’s import template; `format=sdmx-csv` answers SDMX-CSV 1.0 (DATAFLOW, dimensions, TIME_PERIOD, OBS_VALUE, attributes), which `POST /imports?format=sdmx-csv` reads back.',
		query: observationListQuery,
		responses: {
			200: { description: 'OK (JSON, or CSV with format=csv|sdmx-csv)', schema: r.observationPage }
		},
		errors: [404]
	},
	{
		method: 'post',
		path: '/indicators/{code}/observations',
		tag: OBS,
		summary:
			'Create or update observations on their natural key (indicator, country, period, disaggregation)',
		body: observationUpsertSchema,
		responses: {
			200: {
				description: 'Nothing new; existing values updated or unchanged',
				schema: r.upsertResult
			},
			201: { description: 'At least one observation created', schema: r.upsertResult }
		},
		errors: [404, 409, 413, 415, 422],
		example: {
			request: {
				observations: [
					{ country: 'MEX', period: '2023', value: 4.2, status: 'provisional', source: 'Banxico' },
					{ country: 'MEX', period: '2023-Q2', disaggregation: { corridor: 'USA>MEX' }, value: 4.6 }
				]
			}
		}
	},
	{
		method: 'get',
		path: '/indicators/{code}/observations/{id}',
		tag: OBS,
		summary: 'One observation',
		responses: ok(r.observationRecord),
		errors: [404]
	},
	...(['submit', 'validate'] as const).map((step): Operation => ({
		method: 'post',
		path: `/indicators/{code}/observations/{id}/${step}`,
		tag: OBS,
		summary:
			step === 'submit'
				? 'Submit an observation for validation'
				: 'Validate an observation (admins)',
		body: observationReviewSchema,
		bodyOptional: true,
		responses: ok(r.observationRecord),
		errors: [404, 409, 415, 422]
	})),
	{
		method: 'post',
		path: '/indicators/{code}/observations/{id}/return',
		tag: OBS,
		summary: 'Return an observation with a comment (admins)',
		body: observationReturnSchema,
		responses: ok(r.observationRecord),
		errors: [404, 409, 415, 422]
	},
	{
		method: 'get',
		path: '/indicators/{code}/progress',
		tag: OBS,
		summary: 'The verdict of DESIGN §6 with every component (without country: every country’s)',
		query: progressQuery,
		responses: ok(z.union([r.verdict, r.listOf(r.verdict)])),
		errors: [404]
	},
	{
		method: 'get',
		path: '/imports',
		tag: 'Imports',
		summary: 'Recent imports',
		responses: ok(r.listOf(r.importRunItem))
	},
	{
		method: 'post',
		path: '/imports',
		tag: 'Imports',
		summary:
			'Import a CSV or XLSX file (body or multipart field `file`); dryRun=true writes nothing',
		description:
			'An Excel workbook (.xlsx, recognised by its bytes) is read from its first sheet or the one named by `sheet` (422 naming the sheets there are when it has no such sheet), in the template layout. `existing=keep|replace|prefer-ranked` decides over stored values the file would change; `series=replace` also removes the stored values of the file’s indicator × geographies that the file no longer holds (listed in `removals`; undoing the import puts them back with their history). Values far from their series (more than the indicator’s `outlierMads` median absolute deviations from its median, or a jump of more than `outlierJumpPercent` % from the period before) are listed in `outliers` with the reason in words; they import all the same. `profile={id}` reads a file of any layout with a saved import profile (422 naming the id when there is none; a column the profile names but the file lacks is a 422 naming it, nothing written).',
		query: importOptionsSchema,
		csvBody: true,
		responses: {
			200: { description: 'A dry run: the report, nothing written', schema: r.importReport },
			201: { description: 'Committed', schema: r.importReport }
		},
		errors: [413, 415, 422]
	},
	{
		method: 'get',
		path: '/imports/{id}',
		tag: 'Imports',
		summary: 'One import with its changes',
		responses: ok(z.looseObject({ id: z.int() })),
		errors: [404]
	},
	{
		method: 'post',
		path: '/imports/{id}/revert',
		tag: 'Imports',
		summary: 'Undo an import',
		responses: ok(z.looseObject({})),
		errors: [404, 409, 415, 422]
	},
	{
		method: 'get',
		path: '/indicators/{code}/observations/{id}/history',
		tag: OBS,
		summary: 'Every earlier version of an observation',
		responses: ok(r.listOf(z.looseObject({}))),
		errors: [404]
	}
];
