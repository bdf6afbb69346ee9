// Open data of a share link's scope (DESIGN §5: validated data only), the public entry of this
// folder: what the scope holds (scope.ts), its validated observations (observations.ts), and the
// downloads built from them: JSON (dataset.ts), CSV (dataset-csv.ts), Open SDG CSV per indicator
// (open-sdg-csv.ts), file names and headers (downloads.ts). Nothing here reads drafts, submitted
// edits, review comments or people (names, emails).
export * from './scope';
export * from './observations';
export * from './dataset';
export * from './dataset-csv';
export * from './open-sdg-csv';
export * from './downloads';
