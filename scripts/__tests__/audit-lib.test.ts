// eslint-disable-next-line @typescript-eslint/no-require-imports -- the script's rules are CommonJS
const { seriousFindings, judge } = require('../audit-lib.cjs') as typeof import('../audit-lib.cjs');

/** The shape of `npm audit --json` (npm 7+): a package listed by advisory, or through another. */
const report = {
  auditReportVersion: 2,
  vulnerabilities: {
    koa: {
      name: 'koa',
      severity: 'high',
      via: [
        {
          source: 1101,
          name: 'koa',
          title: 'Open redirect',
          url: 'https://github.com/advisories/GHSA-jgmv-j7ww-jx2x',
          severity: 'high',
          range: '<2.16.1',
        },
        {
          source: 1102,
          name: 'koa',
          title: 'Minor',
          url: 'https://github.com/advisories/GHSA-aaaa-bbbb-cccc',
          severity: 'low',
          range: '<3',
        },
      ],
      fixAvailable: true,
    },
    '@strapi/core': { name: '@strapi/core', severity: 'high', via: ['koa'], fixAvailable: false },
    tar: {
      name: 'tar',
      severity: 'critical',
      via: [
        {
          source: 1200,
          name: 'tar',
          title: 'Path traversal',
          url: 'https://github.com/advisories/GHSA-x9yz-1234-abcd',
          severity: 'critical',
          range: '<6.2.1',
        },
      ],
      fixAvailable: { name: 'tar', version: '6.2.1', isSemVerMajor: false },
    },
  },
};

describe('audit:check rules', () => {
  it('lists each high or critical advisory once, under the package it is in, not its dependants', () => {
    expect(seriousFindings(report).map((f) => [f.id, f.package, f.severity])).toEqual([
      ['GHSA-JGMV-J7WW-JX2X', 'koa', 'high'],
      ['GHSA-X9YZ-1234-ABCD', 'tar', 'critical'],
    ]);
  });

  it('fails on findings without an exception, accepts documented ones until their review date', () => {
    const findings = seriousFindings(report);
    const exceptions = [
      {
        advisory: 'GHSA-jgmv-j7ww-jx2x',
        package: 'koa',
        reason: 'Chỉ dùng trong trang quản trị.',
        review: '2027-03-01',
      },
      { advisory: 'GHSA-old0-0000-0000', package: 'lodash', reason: 'Đã nâng cấp.', review: '2027-03-01' },
    ];
    const result = judge(findings, exceptions, '2026-12-01');
    expect(result.accepted.map((f) => f.package)).toEqual(['koa']);
    expect(result.failing.map((f) => f.package)).toEqual(['tar']);
    expect(result.stale.map((e) => e.package)).toEqual(['lodash']);
    // Past its review date an exception no longer protects the build.
    const later = judge(findings, exceptions, '2027-03-02');
    expect(later.failing.map((f) => f.package)).toEqual(['koa', 'tar']);
    expect(later.expired.map((e) => e.package)).toEqual(['koa', 'lodash']);
  });

  it('refuses an exception without a reason, and an answer that is not a report', () => {
    expect(() => judge([], [{ advisory: 'GHSA-x', package: 'y', review: '2027-01-01' }])).toThrow(/thiếu/);
    expect(() =>
      seriousFindings({
        message: '405 Method Not Allowed - POST https://registry/-/npm/v1/security/advisories/bulk',
      }),
    ).toThrow('npm audit không trả về báo cáo: 405 Method Not Allowed');
  });
});
