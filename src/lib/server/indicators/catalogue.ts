// The indicator catalogue (DESIGN §2, issue 4 §1), the public entry of this folder: its shapes
// (types.ts), one indicator row by code and its progress input (rows.ts), listing and reading
// indicators with their articles, SDG/GCM references and translations (read.ts), the actions
// linked to an indicator (linked-actions.ts, §6), and creating and editing them (write.ts).
export * from './types';
export * from './rows';
export * from './read';
export * from './linked-actions';
export * from './write';
