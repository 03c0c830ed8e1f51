// Validation: the rule catalogue, the identities as data, one engine, and messages per locale.
export * from './catalogue';
export * from './engine';
export * from './identities';
export * from './messages';
export * from './types';
