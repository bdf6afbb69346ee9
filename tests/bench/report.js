// The bench's result file: ratios computed from the figures, the shape every run must have
// (`shapeErrors`, checked by tests/unit/bench-results.test.ts and at the end of every run) and
// the table printed at the end.

/** The pages measured warm and cold, in table order. */
export const PAGES = [
	'overview',
	'article',
	'country',
	'indicator',
	'actionsSearch',
	'observationsApi',
	'sharedArticle'
];

const ratio = (a, b) =>
	typeof a === 'number' && typeof b === 'number' && b > 0 ? Math.round((a / b) * 100) / 100 : null;

/** ratios.sharedVsStatic (factor 1, requests/s) and ratios.growth.<page>.{warm,cold} (p50 10 / 1). */
export function ratios(results) {
	const one = results.scale['1'] ?? Object.values(results.scale)[0];
	const ten = results.scale['10'];
	const growth = {};
	for (const p of PAGES) {
		growth[p] = {
			warm: ratio(ten?.pages[p]?.warm?.p50Ms, one?.pages[p]?.warm?.p50Ms),
			cold: ratio(ten?.pages[p]?.cold?.p50Ms, one?.pages[p]?.cold?.p50Ms)
		};
	}
	return {
		sharedVsStatic: ratio(one?.pages.sharedArticle?.warm?.rps, one?.staticSharedArticle?.rps),
		growth
	};
}

const isNum = (v) => typeof v === 'number' && Number.isFinite(v);

/** What is missing or of the wrong type in a result file (empty when it has every field). */
export function shapeErrors(r) {
	const errors = [];
	const need = (cond, path) => {
		if (!cond) errors.push(path);
	};
	need(r && typeof r.scale === 'object', 'scale');
	const scales = Object.keys(r?.scale ?? {});
	need(scales.length > 0, 'scale.<factor>');
	for (const f of scales) {
		const s = r.scale[f];
		for (const p of PAGES) {
			for (const k of ['warm', 'cold']) {
				for (const m of ['rps', 'p50Ms', 'p99Ms'])
					need(isNum(s?.pages?.[p]?.[k]?.[m]), `scale.${f}.pages.${p}.${k}.${m}`);
			}
		}
		for (const m of ['readP50Ms', 'readP99Ms', 'writesPerSec', 'errors'])
			need(isNum(s?.mixed?.[m]), `scale.${f}.mixed.${m}`);
	}
	for (const k of ['withChart', 'withoutChart'])
		for (const m of ['brotliKb', 'files'])
			need(isNum(r?.sharedPageJs?.[k]?.[m]), `sharedPageJs.${k}.${m}`);
	for (const m of ['rowsPerSec', 'eventLoopMaxBlockMs', 'peakRssMb'])
		need(isNum(r?.import?.[m]), `import.${m}`);
	need(isNum(r?.ratios?.sharedVsStatic), 'ratios.sharedVsStatic');
	for (const p of PAGES)
		for (const k of ['warm', 'cold'])
			need(r?.ratios?.growth?.[p] && k in r.ratios.growth[p], `ratios.growth.${p}.${k}`);
	return errors;
}

const cell = (m) => (m ? `${m.rps} · ${m.p50Ms} · ${m.p99Ms}` : '–');

/** The table (markdown) of a result file. */
export function table(r) {
	const scales = Object.keys(r.scale);
	const lines = [];
	lines.push(
		'| page | ' +
			scales.map((f) => `factor ${f} warm | factor ${f} cold`).join(' | ') +
			(scales.length > 1 ? ' | growth p50 warm · cold' : '') +
			' |'
	);
	lines.push(
		'|---|' + scales.map(() => '---|---').join('|') + (scales.length > 1 ? '|---' : '') + '|'
	);
	for (const p of PAGES) {
		const g = r.ratios?.growth?.[p];
		lines.push(
			`| ${p} | ` +
				scales
					.map((f) => `${cell(r.scale[f].pages[p]?.warm)} | ${cell(r.scale[f].pages[p]?.cold)}`)
					.join(' | ') +
				(scales.length > 1 ? ` | ${g?.warm ?? '–'} · ${g?.cold ?? '–'}` : '') +
				' |'
		);
	}
	lines.push(
		`| static shared page | ` +
			scales.map((f) => `${cell(r.scale[f].staticSharedArticle)} | –`).join(' | ') +
			(scales.length > 1 ? ' | ' : '') +
			' |'
	);
	lines.push('');
	lines.push('(requests/s · p50 ms · p99 ms)');
	for (const f of scales)
		lines.push(
			`sent (KB, compressed), factor ${f}: ` +
				PAGES.map((p) => `${p} ${r.scale[f].pages[p]?.sentKb ?? '–'}`).join(', ')
		);
	for (const f of scales) {
		const m = r.scale[f].mixed;
		lines.push(
			`mixed, factor ${f}: readers p50 ${m.readP50Ms} ms, p99 ${m.readP99Ms} ms (${m.readsPerSec} reads/s); ${m.writesPerSec} writes/s; ${m.errors} errors`
		);
	}
	const js = r.sharedPageJs;
	if (js)
		lines.push(
			`shared page JavaScript (brotli): with a chart ${js.withChart.brotliKb} KB in ${js.withChart.files} files; without ${js.withoutChart.brotliKb} KB in ${js.withoutChart.files} files; HTML ${js.withChart.htmlBrotliKb} / ${js.withoutChart.htmlBrotliKb} KB`
		);
	const im = r.import;
	if (im)
		lines.push(
			`import (${(im.bytes / 1e6).toFixed(1)} MB, ${im.rows} rows, HTTP ${im.status}): ${im.rowsPerSec} rows/s, event loop blocked at most ${im.eventLoopMaxBlockMs} ms, peak RSS ${im.peakRssMb} MB`
		);
	lines.push(`shared vs static: ${r.ratios?.sharedVsStatic}`);
	return lines.join('\n');
}
