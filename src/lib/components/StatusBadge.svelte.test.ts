import { describe, it, expect } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page } from 'vitest/browser';
import StatusBadge from './StatusBadge.svelte';

describe('StatusBadge', () => {
	it('shows the status as a word and an icon, not colour alone', async () => {
		render(StatusBadge, { label: 'On track', tone: 'ok' });
		const badge = page.getByText('On track');
		await expect.element(badge).toBeVisible();
		const el = badge.element();
		expect(el.classList.contains('ok')).toBe(true);
		expect(el.textContent).toContain('✓');
		expect(el.querySelector('[aria-hidden="true"]')?.textContent).toBe('✓');
	});

	it('uses a distinct icon for each tone', async () => {
		render(StatusBadge, { label: 'Deterioration', tone: 'bad' });
		const el = page.getByText('Deterioration').element();
		expect(el.textContent).toContain('✕');
		expect(el.classList.contains('bad')).toBe(true);
	});
});
