export * from './administrative-units';
export * from './categories';
export * from './departments';
export * from './licence-types';
export * from './methods';
export * from './workflows';
export * from './holidays';
export * from './accounts';
