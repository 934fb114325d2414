import { CmsError } from './cms';

/** Where a page goes when the CMS does not answer and no saved copy can build it. */
export const OUTAGE_PAGE = '/tam-ngung';

type OutageState = 'starting' | 'down';

/**
 * One log line when the CMS stops answering (or has not answered yet, while both start) and one
 * when it answers again — not a stack trace per request: the cause is known and the visitor is told.
 */
export function createOutageReporter(log: (line: string) => void = console.warn) {
  let reported: OutageState | null = null;
  return {
    failed(error: CmsError, starting: boolean): void {
      const state: OutageState = starting ? 'starting' : 'down';
      if (reported === state) return;
      reported = state;
      log(
        starting
          ? `[site] CMS chưa trả lời (${error.message}): đang khởi động, các trang trả lời 503 "Hệ thống đang khởi động" cho đến khi CMS sẵn sàng.`
          : `[site] CMS không trả lời (${error.message}): các trang chưa có bản lưu trả lời 503 "Hệ thống đang bận".`,
      );
    },
    answered(): void {
      if (reported === null) return;
      reported = null;
      log('[site] CMS đã trả lời, các trang hoạt động bình thường.');
    },
  };
}
