import { personName } from '../names';

describe('personName', () => {
  it.each([
    [{ firstname: 'Minh Chuyên', lastname: 'Lê' }, 'Lê Minh Chuyên'],
    [{ firstname: 'Thị Hoa', lastname: 'Nguyễn', email: 'hoa@sct.gov.vn' }, 'Nguyễn Thị Hoa'],
    [{ firstname: ' Nam ', lastname: null }, 'Nam'],
    [{ firstname: '', lastname: 'Trần' }, 'Trần'],
    [{ firstname: null, lastname: null, email: 'canbo@sct.gov.vn' }, 'canbo@sct.gov.vn'],
  ])('writes %j as "%s" (họ, tên đệm, tên)', (person, expected) => {
    expect(personName(person)).toBe(expected);
  });
});
