export * from './types';
export * from './scorecard';
export * from './scoring';
export * from './codec';
export * from './share-decode';
export * from './storage';
export * from './exchange';
