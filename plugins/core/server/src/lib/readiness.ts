import type { Core } from '@strapi/strapi';

/** How long readiness waits for the database before answering 503. */
export const READINESS_TIMEOUT_MS = 2000;

export interface ReadinessCtx {
  status: number;
  body: unknown;
  set(name: string, value: string): void;
}

/** Answers 200 when `ping` resolves within the timeout, 503 with a message otherwise. */
export function readinessHandler(ping: () => Promise<unknown>, timeoutMs = READINESS_TIMEOUT_MS) {
  return async (ctx: ReadinessCtx) => {
    ctx.set('Cache-Control', 'no-store');
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        ping(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
        }),
      ]);
      ctx.status = 200;
      ctx.body = { status: 'ready' };
    } catch {
      ctx.status = 503;
      ctx.body = { status: 'unavailable', message: 'Không kết nối được cơ sở dữ liệu.' };
    } finally {
      clearTimeout(timer);
    }
  };
}

/**
 * `GET /_ready`: 200 when the database answers, 503 when it does not (a load balancer then sends
 * traffic elsewhere). Strapi's own `/_health` stays the liveness check: the process is up.
 */
export function registerReadiness(strapi: Core.Strapi): void {
  strapi.server.router.get(
    '/_ready',
    readinessHandler(() => strapi.db.connection.raw('select 1')),
  );
}
