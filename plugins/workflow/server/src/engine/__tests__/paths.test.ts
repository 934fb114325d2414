import { WORKFLOW_BINDINGS } from '@sgd/config';
import { checkBindingPaths, type SchemaLookup } from '../paths';

const schemas: Record<string, Record<string, { type: string; target?: string }>> = {
  'api::listing.listing': {
    title: { type: 'string' },
    reviewStatus: { type: 'enumeration' },
    department: { type: 'relation', target: 'plugin::core.department' },
    owner: { type: 'relation', target: 'plugin::users-permissions.user' },
  },
  'plugin::users-permissions.user': { email: { type: 'email' }, username: { type: 'string' } },
  'plugin::core.department': { name: { type: 'string' } },
};
const schemaOf: SchemaLookup = (uid) => schemas[uid];
const binding = WORKFLOW_BINDINGS['plugin::catalog.directory-listing'];

describe('checkBindingPaths', () => {
  it('accepts a binding whose paths all exist', () => {
    expect(checkBindingPaths('api::listing.listing', binding, schemaOf)).toEqual([]);
  });

  it('names a missing field, such as an owner the content type does not have', () => {
    const { owner: _owner, ...withoutOwner } = schemas['api::listing.listing'];
    const lookup: SchemaLookup = (uid) => (uid === 'api::listing.listing' ? withoutOwner : schemas[uid]);
    expect(checkBindingPaths('api::listing.listing', binding, lookup)).toEqual([
      'api::listing.listing: "owner" — api::listing.listing không có trường "owner".',
      'api::listing.listing: "owner.email" — api::listing.listing không có trường "owner".',
      'api::listing.listing: "owner.username" — api::listing.listing không có trường "owner".',
    ]);
  });

  it('refuses a path that goes through a plain field or ends on one where a relation is needed', () => {
    expect(
      checkBindingPaths(
        'api::listing.listing',
        { ...binding, departmentFrom: ['title'], nameFrom: ['title.x'] },
        schemaOf,
      ),
    ).toEqual([
      'api::listing.listing: "title" — "title" của api::listing.listing không phải quan hệ.',
      'api::listing.listing: "title.x" — "title" của api::listing.listing không phải quan hệ.',
    ]);
  });
});
