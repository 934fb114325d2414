import { CmsError } from '../cms';
import { createOutageReporter } from '../outage';

const refused = new CmsError(
  'CMS unreachable at /api/categories: fetch failed (ECONNREFUSED)',
  '/api/categories',
  null,
);

describe('createOutageReporter', () => {
  function reporter() {
    const lines: string[] = [];
    return { lines, outages: createOutageReporter((line) => lines.push(line)) };
  }

  it('logs one line however many requests fail while the CMS starts', () => {
    const { lines, outages } = reporter();
    for (let i = 0; i < 5; i += 1) outages.failed(refused, true);
    expect(lines).toEqual([
      '[site] CMS chưa trả lời (CMS unreachable at /api/categories: fetch failed (ECONNREFUSED)): đang khởi động, ' +
        'các trang trả lời 503 "Hệ thống đang khởi động" cho đến khi CMS sẵn sàng.',
    ]);
  });

  it('logs once when the CMS answers again, and nothing when it never stopped', () => {
    const { lines, outages } = reporter();
    outages.answered();
    expect(lines).toEqual([]);
    outages.failed(refused, true);
    outages.answered();
    outages.answered();
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe('[site] CMS đã trả lời, các trang hoạt động bình thường.');
  });

  it('tells a CMS that stopped answering later apart from one that is starting', () => {
    const { lines, outages } = reporter();
    outages.failed(refused, true);
    outages.answered();
    outages.failed(refused, false);
    outages.failed(refused, false);
    expect(lines).toHaveLength(3);
    expect(lines[2]).toContain('Hệ thống đang bận');
  });
});
