export * from './workshopIndex';
export * from './keys';
export * from './phrases';
export * from './generate';
export * from './coverage';
export * from './trace';
export * from './edit';
