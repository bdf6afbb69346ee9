// The choices the list filters share (actions, evidence): articles and countries as FilterSelect
// options, "Regional" first among the countries.
import { m } from '$lib/paraglide/messages';

export const articleOptions = (articles: readonly { number: number; title: string }[]) =>
	articles.map((a) => ({ value: String(a.number), label: `${a.number}. ${a.title}` }));

export const countryOptions = (countries: readonly { iso3: string; name: string }[]) => [
	{ value: 'regional', label: m.actions_regional() },
	...countries.map((c) => ({ value: c.iso3, label: c.name }))
];
