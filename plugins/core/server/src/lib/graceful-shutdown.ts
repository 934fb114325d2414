import type { Core } from '@strapi/strapi';

/** How long in-flight requests may take to finish after SIGTERM before their connections are cut. */
export const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;

/**
 * Stops on SIGTERM or SIGINT without cutting requests in progress: the server stops accepting
 * connections, idle keep-alive connections close, requests being served are answered (up to the
 * grace period), then Strapi shuts down its plugins and closes the database pool. Strapi's own handler
 * destroys every open connection at once, so it is replaced. Inside Jest workers the test runner
 * owns the process's signals: nothing is installed there.
 */
export function registerGracefulShutdown(strapi: Core.Strapi, graceMs = DEFAULT_SHUTDOWN_GRACE_MS): void {
  if (process.env.JEST_WORKER_ID) return;
  const server = strapi.server.httpServer;
  // The server's own "close" fires before requests in progress are answered: count them here.
  let inFlight = 0;
  let drained: (() => void) | null = null;
  server.on('request', (_req, res) => {
    inFlight += 1;
    res.once('close', () => {
      inFlight -= 1;
      if (inFlight === 0) drained?.();
    });
  });

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    strapi.log.info(`Nhận ${signal}: ngừng nhận kết nối mới, chờ các yêu cầu đang xử lý xong…`);
    // "close" comes once every connection has ended: the last answers have then left the process.
    const closed = new Promise<void>((resolve) => server.once('close', () => resolve()));
    server.close();
    server.closeIdleConnections();
    await new Promise<void>((resolve) => {
      const deadline = setTimeout(() => {
        strapi.log.warn(`Quá ${graceMs / 1000} giây: cắt các yêu cầu còn dở.`);
        resolve();
      }, graceMs);
      drained = () => {
        clearTimeout(deadline);
        resolve();
      };
      if (inFlight === 0) drained();
    });
    server.closeIdleConnections();
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 2000))]);
    try {
      await strapi.destroy();
      process.exit(0);
    } catch (error) {
      strapi.log.error(`Dừng không trọn vẹn: ${(error as Error).message}`);
      process.exit(1);
    }
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => void stop(signal));
  }
}
