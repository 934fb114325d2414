import { reviewOptionsOf, statusValues } from '../options';

describe('pluginOptions.workflow', () => {
  it('is absent for a type that does not take part in review', () => {
    expect(reviewOptionsOf('api::page.page', { i18n: { localized: true } })).toBeNull();
    expect(reviewOptionsOf('api::page.page', undefined)).toBeNull();
  });

  it('defaults the status attribute and its approved value', () => {
    const options = reviewOptionsOf('api::permit.permit', { workflow: { title: 'name' } });
    expect(options).toMatchObject({ status: { field: 'reviewStatus', approved: 'approved' }, routing: [] });
    expect(statusValues(options!)).toEqual([
      'draft',
      'pending',
      'supplement_requested',
      'approved',
      'rejected',
      'locked',
    ]);
  });

  it('stops the start with the content type and the reason when the declaration is wrong', () => {
    expect(() =>
      reviewOptionsOf('api::permit.permit', { workflow: { title: 'name', routing: [{ by: 'mail' }] } }),
    ).toThrow(/^pluginOptions\.workflow của api::permit\.permit không hợp lệ: routing\.0\.by: /);
    expect(() => reviewOptionsOf('api::permit.permit', { workflow: { titel: 'name' } })).toThrow(
      'pluginOptions.workflow của api::permit.permit không hợp lệ',
    );
  });
});
