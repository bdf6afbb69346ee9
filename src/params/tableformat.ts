// The formats a table download is offered in: /…/export.csv and /…/export.xlsx.
import type { ParamMatcher } from '@sveltejs/kit';

export const match = ((param: string): param is 'csv' | 'xlsx' =>
	param === 'csv' || param === 'xlsx') satisfies ParamMatcher;
