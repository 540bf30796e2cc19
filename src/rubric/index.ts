export * from './types';
export * from './scorecard';
export * from './scoring';
export * from './codec';
export * from './storage';
export * from './exchange';
