export * from './read';
export * from './write';
export * from './openPlan';
export * from './merge';
export * from './backups';
