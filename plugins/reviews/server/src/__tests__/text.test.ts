import { containsMarkup, plainText } from '@sgd/contracts';
import { bannedWordsIn, shortName } from '../utils/text';

describe('containsMarkup', () => {
  it.each([
    ['<b>ngon</b>', true],
    ['<script>alert(1)</script>', true],
    ['<img src=x onerror=alert(1)>', true],
    ['xem <a href="http://x">đây</a>', true],
    ['<!-- ẩn -->', true],
    ['< p >', true],
    ['giá 3 < 5 và 7 > 2', false],
    ['<3 rất thích', false],
    ['Hàng tốt, giao nhanh', false],
  ])('%s → %s', (input, expected) => {
    expect(containsMarkup(input)).toBe(expected);
  });
});

describe('plainText', () => {
  it.each([
    ['  Hàng   tốt \t quá  ', 'Hàng tốt quá'],
    ['dòng 1\r\n\r\n\r\n\r\ndòng 2', 'dòng 1\n\ndòng 2'],
    ['a\u0000b\u200bc', 'abc'],
    ['Hoa\u0300', 'Hoà'],
  ])('%j → %j', (input, expected) => {
    expect(plainText(input)).toBe(expected);
  });
});

describe('bannedWordsIn', () => {
  const list = ['lừa đảo', 'hàng giả', 'vô học'];
  it.each([
    ['Người bán LỪA ĐẢO khách', ['lừa đảo']],
    ['lua dao, hang gia!', ['lừa đảo', 'hàng giả']],
    ['Đúng là lừa-đảo', ['lừa đảo']],
    ['Hàng giảm giá, rất tốt', []],
    ['Không có gì', []],
  ])('%s → %j', (text, expected) => {
    expect(bannedWordsIn(text, list)).toEqual(expected);
  });
});

describe('shortName', () => {
  it.each([
    ['Nguyễn Thị Minh', 'Nguyễn T. M.'],
    ['  trần   văn an ', 'trần V. A.'],
    ['Lê', 'Lê'],
    ['', 'Thành viên'],
    [null, 'Thành viên'],
    ['0912345678', 'Thành viên'],
  ])('%j → %j', (input, expected) => {
    expect(shortName(input, 'Thành viên')).toBe(expected);
  });
});
