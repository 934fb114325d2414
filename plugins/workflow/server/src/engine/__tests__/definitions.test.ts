import { WORKFLOWS } from '@sgd/config';
import { checkDefinitions } from '../definitions';

const known = {
  roles: ['sgd-specialist', 'sgd-head-of-division', 'sgd-head-of-unit'],
  contentTypes: WORKFLOWS.flatMap((wf) => wf.contentTypes),
};
const clone = () => JSON.parse(JSON.stringify(WORKFLOWS)) as typeof WORKFLOWS;

describe('workflow definitions are validated as data', () => {
  test('the shipped workflows are valid', () => {
    expect(checkDefinitions(clone(), known)).toEqual({ ok: true, workflows: WORKFLOWS });
  });

  test.each([
    [
      'a stage without roles',
      (wfs: typeof WORKFLOWS) => (wfs[0].stages[0].roles = []),
      'ít nhất một vai trò',
    ],
    [
      'an unknown role',
      (wfs: typeof WORKFLOWS) => (wfs[0].stages[0].roles = ['ke-toan']),
      'Vai trò ke-toan không tồn tại',
    ],
    ['a zero-day deadline', (wfs: typeof WORKFLOWS) => (wfs[0].stages[0].deadlineDays = 0), 'ít nhất 1 ngày'],
    ['a fractional deadline', (wfs: typeof WORKFLOWS) => (wfs[0].stages[0].deadlineDays = 2.5), 'số nguyên'],
    [
      'an unknown action',
      (wfs: typeof WORKFLOWS) => ((wfs[0].stages[0].actions as string[]) = ['approve', 'xoa']),
      'Thao tác không hợp lệ',
    ],
    [
      'a stage that cannot approve',
      (wfs: typeof WORKFLOWS) => (wfs[0].stages[1].actions = ['reject']),
      'phải có thao tác duyệt',
    ],
    [
      'return on the first stage',
      (wfs: typeof WORKFLOWS) => (wfs[0].stages[0].actions = ['approve', 'return']),
      'Bước đầu tiên',
    ],
    [
      'duplicate stage codes',
      (wfs: typeof WORKFLOWS) => (wfs[0].stages[1].code = wfs[0].stages[0].code),
      'phải khác nhau',
    ],
    ['no stage at all', (wfs: typeof WORKFLOWS) => (wfs[0].stages = []), 'ít nhất một bước'],
    [
      'a content type in two workflows',
      (wfs: typeof WORKFLOWS) => wfs[1].contentTypes.push(wfs[0].contentTypes[0]),
      'đã dùng quy trình',
    ],
    [
      'an unknown content type',
      (wfs: typeof WORKFLOWS) => wfs[0].contentTypes.push('api::khong.ton-tai'),
      'không tồn tại',
    ],
    [
      'an unknown field',
      (wfs: typeof WORKFLOWS) => Object.assign(wfs[0], { owner: 'x' }),
      'không được hỗ trợ',
    ],
  ])('refuses %s with a message in Vietnamese', (_, change, message) => {
    const workflows = clone();
    change(workflows);
    const result = checkDefinitions(workflows, known);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.message).join(' ')).toContain(message);
  });
});
