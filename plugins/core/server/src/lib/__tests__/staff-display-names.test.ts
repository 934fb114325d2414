import { displayNameAfter } from '../staff-display-names';

const lan = { id: 1, firstname: 'Thị Lan', lastname: 'Nguyễn', username: 'Nguyễn Thị Lan' };

describe('displayNameAfter', () => {
  it.each([
    ['a new user with a name', null, { firstname: 'Minh Chuyên', lastname: 'Lê' }, 'Lê Minh Chuyên'],
    ['a new user with a family name only', null, { lastname: 'Trần' }, 'Trần'],
    ['a new user with no name', null, { email: 'canbo@sct.gov.vn' }, null],
    ['a new user with an empty username', null, { firstname: 'Hoa', lastname: 'Võ', username: '' }, 'Võ Hoa'],
    ['a new user who chose a username', null, { firstname: 'Hoa', username: 'hoa.vo' }, undefined],
    ['a changed family name', lan, { lastname: 'Phạm' }, 'Phạm Thị Lan'],
    // The profile form sends every field: the username as it was, with the new name.
    [
      'the profile form with a new given name',
      lan,
      { firstname: 'Thị Mai', lastname: 'Nguyễn', username: 'Nguyễn Thị Lan' },
      'Nguyễn Thị Mai',
    ],
    ['a username chosen in the profile', lan, { username: 'lan.nt' }, undefined],
    ['a username emptied in the profile', lan, { username: '' }, 'Nguyễn Thị Lan'],
    [
      'a name change of someone with a chosen username',
      { ...lan, username: 'lan.nt' },
      { lastname: 'Phạm' },
      undefined,
    ],
    ['a user without a username yet', { ...lan, username: null }, { isActive: true }, 'Nguyễn Thị Lan'],
  ])('names %s', (_label, before, data, expected) => {
    expect(displayNameAfter(before, data)).toBe(expected);
  });
});
