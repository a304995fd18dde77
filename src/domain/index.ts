export type * from './order.js';
export type * from './upstream.js';
export * from './money.js';
export * from './plain.js';
