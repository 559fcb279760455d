export * from './context';
export * from './stickyNotes';
export * from './questions';
export * from './parking';
export * from './votes';
export * from './agenda';
