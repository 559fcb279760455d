export * from './records';
export * from './commands';
export * from './checks';
export * from './view';
