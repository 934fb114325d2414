import { fillTemplate } from '../template';

describe('fillTemplate', () => {
  it.each([
    ['a known placeholder', 'Xin chào {{name}}', 'Xin chào Lan'],
    ['an unknown one', 'Hồ sơ {{title}}.', 'Hồ sơ .'],
    ['an inherited name', 'Lý do: {{constructor}}{{toString}}{{__proto__}}', 'Lý do: '],
  ])('fills %s', (_label, text, expected) => {
    expect(fillTemplate(text, { name: 'Lan' })).toBe(expected);
  });
});
