import { describe, it, expect } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page } from 'vitest/browser';
import FieldTest from './FieldTest.svelte';
import FieldSet from './FieldSet.svelte';
import { createRawSnippet } from 'svelte';

describe('Field', () => {
	it('labels the control and leaves it valid when there is no error', async () => {
		render(FieldTest, {});
		const input = page.getByLabelText('Name');
		await expect.element(input).toBeVisible();
		const el = input.element() as HTMLInputElement;
		expect(el.id).toBe('t-name');
		expect(el.name).toBe('name');
		expect(el.getAttribute('data-testid')).toBe('t-input');
		expect(el.hasAttribute('aria-invalid')).toBe(false);
		expect(el.hasAttribute('aria-describedby')).toBe(false);
	});

	it('points aria-describedby at the hint and the error, and marks the control invalid', async () => {
		render(FieldTest, { hint: 'Your full name', error: 'Required' });
		const el = page.getByLabelText('Name').element();
		expect(el.getAttribute('aria-invalid')).toBe('true');
		const ids = el.getAttribute('aria-describedby')!.split(' ');
		expect(ids).toEqual(['t-name-hint', 't-name-error']);
		expect(document.getElementById(ids[0])?.textContent).toBe('Your full name');
		expect(document.getElementById(ids[1])?.textContent).toBe('Required');
		expect(document.getElementById(ids[1])?.classList.contains('error')).toBe(true);
		expect(el.closest('.field')).not.toBeNull();
	});

	it('wraps a checkbox in its label', async () => {
		render(FieldTest, { check: true, hint: 'Tick it' });
		const box = page.getByRole('checkbox', { name: 'Name' });
		await expect.element(box).toBeVisible();
		expect(box.element().getAttribute('aria-describedby')).toBe('t-name-hint');
	});
});

describe('FieldSet', () => {
	it('ties the group hint and error to the fieldset', async () => {
		const children = createRawSnippet(() => ({
			render: () => '<label><input type="checkbox" name="c" value="a" /> A</label>'
		}));
		render(FieldSet, {
			id: 'g',
			legend: 'Countries',
			hint: 'Pick some',
			error: 'Pick one',
			children
		});
		const group = page.getByRole('group', { name: 'Countries' });
		await expect.element(group).toBeVisible();
		expect(group.element().getAttribute('aria-describedby')).toBe('g-hint g-error');
		expect(group.element().classList.contains('invalid')).toBe(true);
	});
});
