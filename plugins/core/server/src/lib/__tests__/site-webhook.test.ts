import { createHmac } from 'node:crypto';
import { SITE_WEBHOOK_PATH } from '@sgd/contracts';
import { createSiteNotifier } from '../site-webhook';

interface Sent {
  url: string;
  body: string;
  signature: string | null;
}

function setup(answer: () => Promise<Response> = async () => new Response(null, { status: 200 })) {
  const sent: Sent[] = [];
  const warnings: string[] = [];
  const fetchFake = (async (url: string | URL | Request, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    sent.push({ url: String(url), body: String(init?.body), signature: headers.get('x-sgd-signature') });
    return answer();
  }) as typeof fetch;
  const notifier = createSiteNotifier(
    {
      siteUrl: 'http://site.test/',
      secret: 'bí-mật',
      uids: ['plugin::catalog.product', 'plugin::sellers.seller'],
    },
    {
      fetch: fetchFake,
      log: { warn: (message) => warnings.push(message) },
      batchMs: 60_000,
      now: () => Date.UTC(2026, 11, 1, 3, 0, 0),
    },
  );
  return { notifier, sent, warnings };
}

describe('site webhook', () => {
  it('sends one signed POST for a batch of changes to public content types, with its time and a fresh id', async () => {
    const { notifier, sent } = setup();

    notifier.notify('entry.publish', 'plugin::catalog.product', { publishedAt: '2026-12-01T00:00:00.000Z' });
    notifier.notify('entry.unpublish', 'plugin::sellers.seller');
    notifier.notify('entry.publish', 'plugin::catalog.product', { publishedAt: '2026-12-01T00:00:00.000Z' });
    await notifier.flush();

    expect(sent).toHaveLength(1);
    expect(sent[0].url).toBe(`http://site.test${SITE_WEBHOOK_PATH}`);
    expect(JSON.parse(sent[0].body)).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      sentAt: Date.UTC(2026, 11, 1, 3, 0, 0) / 1000,
      event: 'entry.publish,entry.unpublish',
      uids: ['plugin::catalog.product', 'plugin::sellers.seller'],
    });
    // The same change again is another request: another id, so the site never takes it for a replay.
    notifier.notify('entry.publish', 'plugin::catalog.product', { publishedAt: '2026-12-01T00:00:00.000Z' });
    notifier.notify('entry.unpublish', 'plugin::sellers.seller');
    await notifier.flush();
    expect(JSON.parse(sent[1].body).id).not.toBe(JSON.parse(sent[0].body).id);
    const expected = `sha256=${createHmac('sha256', 'bí-mật').update(sent[0].body).digest('hex')}`;
    expect(sent[0].signature).toBe(expected);
  });

  it('sends nothing for drafts or for content the site does not show', async () => {
    const { notifier, sent } = setup();

    notifier.notify('entry.update', 'plugin::catalog.product', { publishedAt: null });
    notifier.notify('entry.create', 'plugin::catalog.product', { publishedAt: null });
    notifier.notify('entry.publish', 'plugin::workflow.task', { publishedAt: '2026-12-01T00:00:00.000Z' });
    await notifier.flush();

    expect(sent).toEqual([]);
  });

  it('logs a site that refuses or does not answer, and keeps going', async () => {
    let answer: () => Promise<Response> = async () => new Response(null, { status: 401 });
    const { notifier, sent, warnings } = setup(() => answer());

    notifier.notify('entry.delete', 'plugin::catalog.product');
    await notifier.flush();
    answer = async () => {
      throw new Error('connect ECONNREFUSED');
    };
    notifier.notify('entry.delete', 'plugin::catalog.product');
    await notifier.flush();

    expect(sent).toHaveLength(2);
    expect(warnings).toEqual([
      'Trang công khai trả lời 401 cho webhook http://site.test/webhooks/cms.',
      'Không gửi được webhook tới trang công khai http://site.test/webhooks/cms: connect ECONNREFUSED',
    ]);
  });
});
