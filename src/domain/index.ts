export type * from './order.js';
export type * from './upstream.js';
export type * from './catalog.js';
export * from './money.js';
export * from './plain.js';
