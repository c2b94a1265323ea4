export * from './common';
export * from './text';
export * from './url';
export * from './article';
export * from './taxonomy';
export * from './user';
export * from './image';
export * from './dictionary';
