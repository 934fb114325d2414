import { inVietnamese } from '../error-messages';

const answer = (status: number, name: string, message: unknown) => ({
  data: null,
  error: { status, name, message, details: {} },
});

describe('inVietnamese', () => {
  it.each([
    [403, 'PolicyError', 'Policy Failed', 'Bạn không có quyền thực hiện thao tác này.'],
    [403, 'ForbiddenError', 'Forbidden', 'Bạn không có quyền thực hiện thao tác này.'],
    [401, 'UnauthorizedError', 'Unauthorized', 'Cần đăng nhập để thực hiện thao tác này.'],
    [404, 'NotFoundError', 'Not Found', 'Không tìm thấy nội dung yêu cầu.'],
    [405, 'MethodNotAllowedError', 'Method Not Allowed', 'Thao tác này không được hỗ trợ.'],
    [400, 'BadRequestError', 'Bad Request', 'Yêu cầu không hợp lệ.'],
    [500, 'InternalServerError', 'Internal Server Error', 'Hệ thống gặp lỗi. Vui lòng thử lại sau.'],
  ])('says Strapi’s %i "%s: %s" in Vietnamese', (status, name, message, expected) => {
    const body = answer(status, name, message);
    inVietnamese(body);
    expect(body).toEqual(answer(status, name, expected));
  });

  it.each([
    [
      'a message of the project',
      answer(403, 'PolicyError', 'Bạn chỉ viết được nội dung cho sở mình phụ trách.'),
    ],
    ['a name plain objects inherit', answer(400, 'ValidationError', 'constructor')],
    ['a message that is not text', answer(400, 'ValidationError', { text: 'Forbidden' })],
  ])('leaves %s as it is', (_label, body) => {
    const before = JSON.parse(JSON.stringify(body));
    inVietnamese(body);
    expect(body).toEqual(before);
  });

  it.each([['a page'], [null], [{ data: [] }], [{ error: 'Forbidden' }]])(
    'leaves an answer without an error object (%j) alone',
    (body) => {
      const before = JSON.stringify(body);
      inVietnamese(body);
      expect(JSON.stringify(body)).toBe(before);
    },
  );
});
