import { fieldProblem, pathsTo, readPath, relationProblem, resolvePath, type SchemaLookup } from '../paths';

const schemas: Record<string, ReturnType<SchemaLookup>> = {
  'api::listing.listing': {
    title: { type: 'string' },
    department: { type: 'relation', target: 'plugin::core.department' },
    owner: { type: 'relation', target: 'plugin::users-permissions.user' },
    seller: { type: 'relation', target: 'plugin::sellers.seller' },
  },
  'plugin::sellers.seller': {
    department: { type: 'relation', target: 'plugin::core.department' },
    commune: { type: 'relation', target: 'plugin::core.administrative-unit' },
    listings: { type: 'relation', target: 'api::listing.listing' },
  },
  'plugin::users-permissions.user': { email: { type: 'email' }, username: { type: 'string' } },
  'plugin::core.department': { name: { type: 'string' } },
};
const schemaOf: SchemaLookup = (uid) => schemas[uid];
const DEPARTMENT = 'plugin::core.department';

describe('paths through content-type schemas', () => {
  it('follows relations to the last attribute', () => {
    expect(resolvePath('api::listing.listing', 'owner.email', schemaOf)).toEqual({
      ok: true,
      attribute: { type: 'email' },
      owner: 'plugin::users-permissions.user',
    });
  });

  it.each([
    ['department', DEPARTMENT, null],
    ['seller.department', DEPARTMENT, null],
    ['owner', DEPARTMENT, '"owner" không phải quan hệ tới plugin::core.department.'],
    ['title.department', DEPARTMENT, '"title.department": "title" không phải quan hệ.'],
    ['seller.region', DEPARTMENT, '"seller.region": không có trường "region".'],
  ])('says why %s does (not) lead to %s', (path, target, problem) => {
    expect(relationProblem('api::listing.listing', path, target, schemaOf)).toBe(problem);
  });

  it('wants a plain field where a value is read', () => {
    expect(fieldProblem('api::listing.listing', 'owner.email', schemaOf)).toBeNull();
    expect(fieldProblem('api::listing.listing', 'owner', schemaOf)).toBe(
      '"owner" là quan hệ, không phải trường dữ liệu.',
    );
  });

  it('lists the relation paths that end at a department, without going round in circles', () => {
    expect(pathsTo('api::listing.listing', DEPARTMENT, schemaOf)).toEqual([
      'department',
      'seller.department',
    ]);
  });

  it('reads a dotted path from a populated row', () => {
    expect(readPath({ seller: { department: { id: 4 } } }, 'seller.department.id')).toBe(4);
    expect(readPath({ seller: null }, 'seller.department.id')).toBeUndefined();
  });
});
