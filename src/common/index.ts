export * from './errors';
export * from './duration';
