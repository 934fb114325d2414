import { WORKFLOWS } from '@sgd/config';
import type { WorkflowDefinition } from '@sgd/contracts';
import { allowedActions, transition, type Actor, type Position } from '../transitions';

const seller = WORKFLOWS.find((wf) => wf.code === 'seller_verification') as WorkflowDefinition;
const posts = WORKFLOWS.find((wf) => wf.code === 'post_moderation') as WorkflowDefinition;

const specialist: Actor = { roles: ['sgd-specialist'], superAdmin: false };
const division: Actor = { roles: ['sgd-head-of-division'], superAdmin: false };
const unit: Actor = { roles: ['sgd-head-of-unit'], superAdmin: false };
const superAdmin: Actor = { roles: ['strapi-super-admin'], superAdmin: true };
const submitter: Actor = { roles: [], superAdmin: false };

const at = (state: Position['state'], stageIndex = 0): Position => ({ state, stageIndex });

describe('the transition table of the three-stage seller verification', () => {
  test.each([
    [
      'specialist forwards to the head of division',
      at('in_review', 0),
      'approve',
      specialist,
      at('in_review', 1),
    ],
    [
      'head of division forwards to the head of unit',
      at('in_review', 1),
      'approve',
      division,
      at('in_review', 2),
    ],
    ['head of unit confirms: approved', at('in_review', 2), 'approve', unit, at('approved', 2)],
    ['specialist rejects', at('in_review', 0), 'reject', specialist, at('rejected', 0)],
    [
      'specialist asks for a supplement: back to the submitter',
      at('in_review', 0),
      'request_supplement',
      specialist,
      at('supplement_requested', 0),
    ],
    [
      'head of division returns to the specialist',
      at('in_review', 1),
      'return',
      division,
      at('in_review', 0),
    ],
    [
      'head of unit asks for a supplement from stage 3: restarts at stage 1',
      at('in_review', 2),
      'request_supplement',
      unit,
      at('supplement_requested', 0),
    ],
    [
      'submitter resubmits after a supplement',
      at('supplement_requested', 0),
      'resubmit',
      submitter,
      at('in_review', 0),
    ],
    ['submitter withdraws', at('in_review', 1), 'cancel', submitter, at('cancelled', 1)],
    ['super admin acts at any stage', at('in_review', 2), 'approve', superAdmin, at('approved', 2)],
  ] as const)('%s', (_, from, action, actor, to) => {
    expect(transition(seller, from, action, actor)).toEqual({ ok: true, to });
  });

  test.each([
    ['a specialist cannot act at the head of unit stage', at('in_review', 2), 'approve', specialist, 403],
    ['a head of unit cannot act at the specialist stage', at('in_review', 0), 'approve', unit, 403],
    ['the first stage has no return', at('in_review', 0), 'return', superAdmin, 400],
    ['an approved item cannot be approved again', at('approved', 2), 'approve', superAdmin, 409],
    [
      'a rejected item cannot be asked for a supplement',
      at('rejected', 0),
      'request_supplement',
      superAdmin,
      409,
    ],
    ['an item in review cannot be resubmitted', at('in_review', 0), 'resubmit', submitter, 409],
    ['an approved item cannot be withdrawn', at('approved', 2), 'cancel', submitter, 409],
  ] as const)('%s', (_, from, action, actor, status) => {
    const result = transition(seller, from, action, actor);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.status).toBe(status);
      expect(result.message).toMatch(/[ạảãáàăâđêôơư]/);
    }
  });

  test('the action panel offers what the stage and the role allow', () => {
    expect(allowedActions(seller, at('in_review', 0), specialist)).toEqual([
      'approve',
      'reject',
      'request_supplement',
    ]);
    expect(allowedActions(seller, at('in_review', 1), division)).toEqual([
      'approve',
      'reject',
      'request_supplement',
      'return',
    ]);
    expect(allowedActions(seller, at('in_review', 1), specialist)).toEqual([]);
    expect(allowedActions(seller, at('approved', 2), superAdmin)).toEqual([]);
  });

  test('forward moves on without approving where the stage allows it, and never from the last stage', () => {
    const forwarding: WorkflowDefinition = {
      ...seller,
      stages: seller.stages.map((stage, i) =>
        i < 2
          ? { ...stage, actions: [...stage.actions, 'forward'] }
          : { ...stage, actions: ['approve', 'forward'] },
      ),
    };
    expect(transition(forwarding, at('in_review', 0), 'forward', specialist)).toEqual({
      ok: true,
      to: at('in_review', 1),
    });
    expect(transition(seller, at('in_review', 0), 'forward', specialist)).toMatchObject({
      ok: false,
      status: 400,
    });
    expect(transition(forwarding, at('in_review', 2), 'forward', unit)).toMatchObject({
      ok: false,
      status: 409,
      message: 'Hồ sơ đang ở bước cuối cùng, không có bước tiếp theo để chuyển.',
    });
  });

  test('a single-stage workflow approves in one step', () => {
    expect(transition(posts, at('in_review', 0), 'approve', specialist)).toEqual({
      ok: true,
      to: at('approved', 0),
    });
  });
});
