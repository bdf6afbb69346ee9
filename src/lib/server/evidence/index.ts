// Evidence links on actions, updates, articles, indicators and observations (DESIGN §2):
// what an item is (items.ts), the one write path (write.ts) and reading (read.ts).
export * from './items';
export * from './read';
export * from './write';
