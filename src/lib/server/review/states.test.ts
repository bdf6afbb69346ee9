import { describe, expect, it } from 'vitest';
import { nextReviewState } from './states';

describe('the review state machine (DESIGN §5)', () => {
	it('validates the secretariat’s own records and keeps coordinators’ as drafts or submitted', () => {
		expect(nextReviewState('create', { current: null, validator: true })).toMatchObject({
			state: 'validated',
			publishes: true
		});
		expect(nextReviewState('create', { current: null, validator: false })).toMatchObject({
			state: 'draft',
			publishes: false
		});
		expect(nextReviewState('import', { current: 'draft', validator: false })).toMatchObject({
			state: 'submitted',
			comment: null
		});
	});

	it('sends a coordinator’s edit of a validated record back to submitted, keeps a draft a draft', () => {
		expect(nextReviewState('edit', { current: 'validated', validator: false })).toMatchObject({
			state: 'submitted'
		});
		expect(nextReviewState('edit', { current: 'validated', validator: true })).toMatchObject({
			state: 'validated',
			publishes: true
		});
		expect(nextReviewState('edit', { current: 'draft', validator: false })).toEqual({
			ok: true,
			state: 'draft',
			comment: undefined,
			publishes: false
		});
	});

	it('refuses steps that do not apply', () => {
		expect(nextReviewState('submit', { current: 'submitted', validator: false })).toEqual({
			ok: false,
			refusal: 'already_submitted'
		});
		expect(nextReviewState('validate', { current: 'validated', validator: true })).toEqual({
			ok: false,
			refusal: 'already_validated'
		});
		expect(nextReviewState('return', { current: 'draft', validator: true, comment: 'x' })).toEqual({
			ok: false,
			refusal: 'not_submitted'
		});
		expect(
			nextReviewState('return', { current: 'submitted', validator: true, comment: 'Add a source' })
		).toMatchObject({ state: 'draft', comment: 'Add a source' });
	});
});
