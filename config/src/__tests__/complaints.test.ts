import {
  allowedComplaintActions,
  assertComplaintTransition,
  COMPLAINT_STATUS_CODES,
  COMPLAINT_TRANSITIONS,
  ComplaintTransitionError,
} from '../index';

describe('complaint transitions', () => {
  it.each([
    ['opened', 'answer', 'seller', 'Đã giao bù', 'answered'],
    ['answered', 'accept', 'buyer', null, 'resolved'],
    ['opened', 'escalate', 'buyer', null, 'escalated'],
    ['answered', 'escalate_overdue', 'system', null, 'escalated'],
    ['escalated', 'forward', 'staff', 'Vượt thẩm quyền', 'forwarded'],
    ['forwarded', 'close', 'system', null, 'closed'],
  ] as const)('%s --%s by %s--> %s', (from, action, party, message, to) => {
    expect(assertComplaintTransition(from, action, party, message).to).toBe(to);
  });

  it.each([
    ['opened', 'accept', 'buyer', null, 'wrong_status'],
    ['opened', 'accept', 'seller', null, 'not_allowed'],
    ['opened', 'answer', 'seller', '  ', 'message_required'],
    ['resolved', 'escalate', 'buyer', null, 'wrong_status'],
    ['opened', 'forward', 'staff', 'x', 'wrong_status'],
    ['opened', 'delete', 'buyer', null, 'unknown_action'],
  ] as const)('refuses %s --%s by %s (%s)', (from, action, party, message, problem) => {
    try {
      assertComplaintTransition(from, action, party, message);
      throw new Error('accepted');
    } catch (error) {
      expect((error as ComplaintTransitionError).problem).toBe(problem);
    }
  });

  it('ends nowhere after resolved and closed, and every state is reachable', () => {
    expect(allowedComplaintActions('resolved', 'buyer')).toEqual([]);
    expect(allowedComplaintActions('closed', 'system')).toEqual([]);
    const reached = new Set(['opened', ...COMPLAINT_TRANSITIONS.map((t) => t.to)]);
    expect([...reached].sort()).toEqual([...COMPLAINT_STATUS_CODES].sort());
  });
});
