// Observations (DESIGN §2, §5): one indicator's values per country, period and disaggregation.
// records.ts    what a reader sees (working or last validated version), the record shape
// queries.ts    lists, keyset pages and single reads
// rules.ts      the review rules every write and transition applies
// write.ts      the one write path (row, version history, audit), prepared statements
// upsert.ts     values entered through the API and the forms
// review.ts     submit, validate, return (one by one or in bulk)
// review-queue.ts  the review queue's observations
// history.ts    the value history of one observation
// evidence.ts   links attached to observations
// entry.ts      the scopes a reader may enter values for
// Imports (src/lib/server/import/) write through write.ts too.
export * from './records';
export * from './queries';
export * from './rules';
export * from './write';
export * from './upsert';
export * from './review';
export * from './review-queue';
export * from './history';
export * from './evidence';
export * from './entry';
