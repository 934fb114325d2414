/**
 * Contracts between the CMS, its admin panels and the site: one zod schema per request or response
 * shape, with its type beside it. Modules are grouped by bounded context.
 */
export * from './errors';
export * from './workflow';
export * from './accounts';
export * from './account-input';
export * from './identifier';
export * from './site-webhook';
export * from './search';
export * from './reports';
export * from './order-input';
export * from './text';
export * from './validators';
export * from './business-input';
export * from './password';
