// Implementation actions (DESIGN §2): records and their reading (records.ts, read.ts), the one
// write path (write.ts, with refs.ts, review-step.ts and stale-conflict.ts), progress updates
// (updates.ts) and the forms' helpers (forms.ts).
export * from './records';
export * from './read';
export * from './write';
