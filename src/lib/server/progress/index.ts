// Progress, server side (DESIGN §6, §11): loads observations as the reader may see them and
// calls the pure methods of $lib/progress. series.ts: the observations per scope; verdicts.ts:
// one verdict, the five side by side, default method, cache; charts.ts: chart series and the
// disaggregate ranking; summaries.ts: overview / article / country summaries; actions.ts: the
// member-state × article matrix and "progress over time".
export * from './series';
export * from './verdicts';
export * from './charts';
export * from './summaries';
export * from './actions';
export * from './country-charts';
export { METHODS } from '$lib/progress';
