import { auditWhere, vietnamTime } from '../audit';

describe('auditWhere', () => {
  it('keeps the filters the audit log list writes', () => {
    expect(
      auditWhere({
        $and: [
          { action: { $eq: 'workflow.lock' } },
          { createdAt: { $gte: '2026-12-01T00:00:00.000Z' } },
          { actorEmail: { $containsi: 'sct' } },
        ],
      }),
    ).toEqual({
      $and: [
        { action: { $eq: 'workflow.lock' } },
        { createdAt: { $gte: '2026-12-01T00:00:00.000Z' } },
        { actorEmail: { $containsi: 'sct' } },
      ],
    });
    expect(auditWhere({ $and: { 0: { ip: { $eq: '10.0.0.7' } } } })).toEqual({
      $and: [{ ip: { $eq: '10.0.0.7' } }],
    });
    expect(auditWhere(undefined)).toEqual({});
  });

  it.each([
    [{ details: { $contains: 'x' } }],
    [{ action: { $where: '1' } }],
    [{ action: { $eq: { $ne: 1 } } }],
    [{ $and: [{ $or: [{ $and: [{ $or: [{ $and: [{ ip: { $eq: '1' } }] }] }] }] }] }],
    ['action'],
  ])('refuses %j', (filters) => {
    expect(() => auditWhere(filters)).toThrow('Bộ lọc nhật ký không hợp lệ');
  });
});

describe('vietnamTime', () => {
  it('writes a time as officers read it, in Vietnam', () => {
    expect(vietnamTime('2026-12-04T17:05:09.000Z')).toBe('05/12/2026 00:05:09');
  });
});
