// The drizzle schema of the SQLite database, by domain part (one file each).
export * from './common';
export * from './framework';
export * from './auth';
export * from './indicators';
export * from './actions';
export * from './sharing';
export * from './api-keys';
export * from './desk';
export * from './editions';
export * from './imports';
