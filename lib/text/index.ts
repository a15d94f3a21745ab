export * from './normalize';
export * from './segment';
export * from './dates';
export * from './numbers';
export * from './names';
export * from './quotes';
export * from './furniture';
export * from './language';
