import { WORKFLOWS } from '@sgd/config';
import type { WorkflowDefinition } from '@sgd/contracts';
import { checkDefinition, describePath, type DefinitionContext } from '../definitions';
import type { SchemaLookup } from '../paths';

const schemas: Record<string, ReturnType<SchemaLookup>> = {
  'plugin::catalog.product': {
    name: { type: 'string' },
    seller: { type: 'relation', target: 'plugin::sellers.seller' },
    category: { type: 'relation', target: 'plugin::catalog.category' },
    department: { type: 'relation', target: 'plugin::core.department' },
  },
  'plugin::sellers.seller': {
    department: { type: 'relation', target: 'plugin::core.department' },
    commune: { type: 'relation', target: 'plugin::core.administrative-unit' },
  },
  'plugin::catalog.category': { department: { type: 'relation', target: 'plugin::core.department' } },
};
const context: DefinitionContext = {
  roles: ['sgd-specialist', 'sgd-head-of-division', 'sgd-head-of-unit'],
  reviewable: { 'plugin::catalog.product': 'Sản phẩm, dịch vụ' },
  departments: ['SCT', 'SYT'],
  communes: ['30280'],
  schemaOf: (uid) => schemas[uid],
};
const products = (): WorkflowDefinition => ({
  ...JSON.parse(JSON.stringify(WORKFLOWS.find((wf) => wf.code === 'product_moderation'))),
  contentTypes: [
    {
      uid: 'plugin::catalog.product',
      routing: [
        { by: 'path', path: 'seller.department' },
        { by: 'commune', path: 'seller.commune', departments: { '30280': 'SYT' } },
        { by: 'fixed', department: 'SCT' },
      ],
    },
  ],
});

describe('workflow definitions are validated as data', () => {
  test('the shipped workflows are valid', () => {
    for (const workflow of WORKFLOWS) expect(checkDefinition(workflow, context)).toMatchObject({ ok: true });
  });

  test('a routed definition is valid', () => {
    expect(checkDefinition(products(), context)).toEqual({ ok: true, workflow: products() });
  });

  test.each([
    [
      'a stage without roles',
      (wf: WorkflowDefinition) => (wf.stages[0].roles = []),
      ['stages', 0, 'roles'],
      'ít nhất một vai trò',
    ],
    [
      'an unknown role',
      (wf: WorkflowDefinition) => (wf.stages[0].roles = ['ke-toan']),
      ['stages', 0, 'roles', 0],
      'Vai trò "ke-toan" không tồn tại.',
    ],
    [
      'a zero-day deadline',
      (wf: WorkflowDefinition) => (wf.stages[0].deadlineDays = 0),
      ['stages', 0, 'deadlineDays'],
      'ít nhất 1 ngày',
    ],
    [
      'a fractional deadline',
      (wf: WorkflowDefinition) => (wf.stages[0].deadlineDays = 2.5),
      ['stages', 0, 'deadlineDays'],
      'số nguyên',
    ],
    [
      'an unknown action',
      (wf: WorkflowDefinition) => ((wf.stages[0].actions as string[]) = ['approve', 'xoa']),
      ['stages', 0, 'actions', 1],
      'Thao tác không hợp lệ',
    ],
    [
      'a stage that cannot approve',
      (wf: WorkflowDefinition) => (wf.stages[1].actions = ['reject']),
      ['stages', 1, 'actions'],
      'phải có thao tác duyệt',
    ],
    [
      'return on the first stage',
      (wf: WorkflowDefinition) => (wf.stages[0].actions = ['approve', 'return']),
      ['stages', 0, 'actions'],
      'Bước đầu tiên',
    ],
    [
      'forward from the last stage',
      (wf: WorkflowDefinition) => (wf.stages[1].actions = ['approve', 'forward']),
      ['stages', 1, 'actions'],
      'Bước cuối cùng',
    ],
    [
      'duplicate stage codes',
      (wf: WorkflowDefinition) => (wf.stages[1].code = wf.stages[0].code),
      ['stages', 1, 'code'],
      'trùng với bước 1',
    ],
    ['no stage at all', (wf: WorkflowDefinition) => (wf.stages = []), ['stages'], 'ít nhất một bước'],
    [
      'an unknown content type',
      (wf: WorkflowDefinition) =>
        wf.contentTypes.push({ uid: 'api::khong.ton-tai', routing: [{ by: 'fixed', department: 'SCT' }] }),
      ['contentTypes', 1, 'uid'],
      'không tồn tại hoặc chưa khai báo',
    ],
    [
      'a routing path through a plain field',
      (wf: WorkflowDefinition) => (wf.contentTypes[0].routing[0] = { by: 'path', path: 'name.department' }),
      ['contentTypes', 0, 'routing', 0, 'path'],
      '"name" không phải quan hệ',
    ],
    [
      'a commune rule on a path that is not a commune',
      (wf: WorkflowDefinition) =>
        (wf.contentTypes[0].routing[1] = {
          by: 'commune',
          path: 'seller.department',
          departments: { '30280': 'SYT' },
        }),
      ['contentTypes', 0, 'routing', 1, 'path'],
      'không phải quan hệ tới plugin::core.administrative-unit',
    ],
    [
      'an unknown commune',
      (wf: WorkflowDefinition) =>
        (wf.contentTypes[0].routing[1] = {
          by: 'commune',
          path: 'seller.commune',
          departments: { '99999': 'SYT' },
        }),
      ['contentTypes', 0, 'routing', 1, 'departments'],
      'Xã, phường mã "99999" không tồn tại.',
    ],
    [
      'a content type without routing',
      (wf: WorkflowDefinition) => (wf.contentTypes[0].routing = []),
      ['contentTypes', 0, 'routing'],
      'ít nhất một quy tắc',
    ],
    [
      'an unknown field',
      (wf: WorkflowDefinition) => Object.assign(wf, { owner: 'x' }),
      [],
      'không được hỗ trợ',
    ],
  ])('refuses %s, at the field, in Vietnamese', (_, change, path, message) => {
    const workflow = products();
    change(workflow);
    const result = checkDefinition(workflow, context);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toEqual(
        expect.arrayContaining([{ path, message: expect.stringContaining(message) }]),
      );
    }
  });

  test.each([
    [['stages', 1, 'deadlineDays'], 'Bước 2 «Lãnh đạo phòng duyệt», thời hạn'],
    [['stages', 0, 'templates', 2, 'subject'], 'Bước 1 «Chuyên viên thẩm định», mẫu trả lời 3, tiêu đề thư'],
    [
      ['contentTypes', 0, 'routing', 1, 'departments'],
      'Loại nội dung 1 (plugin::catalog.product), quy tắc phân công 2, bảng xã, phường – sở',
    ],
    [['name'], 'Tên quy trình'],
  ])('names where %j is in the words of the editor', (path, words) => {
    expect(describePath(path, products())).toBe(words);
  });
});
