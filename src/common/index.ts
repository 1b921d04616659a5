export * from './errors';
export * from './duration';
export * from './security';
export * from './warnings';
export * from './patches';
export * from './props';
export * from './names';
