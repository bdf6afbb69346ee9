export * from './common';
export * from './framework';
export * from './auth';
export * from './indicators';
export * from './actions';
export * from './sharing';
export * from './api-keys';
export * from './editions';
