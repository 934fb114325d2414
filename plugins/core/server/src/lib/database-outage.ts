/** What a person reads while the database is unreachable. */
export const DATABASE_DOWN_MESSAGE =
  'Hệ thống đang tạm thời không kết nối được cơ sở dữ liệu. Vui lòng thử lại sau ít phút.';

/** Seconds a client is told to wait before trying again. */
export const RETRY_AFTER_SECONDS = 5;

// Connection-level failures: the server is gone, refuses, is shutting down or is full. Not query
// errors (a constraint, a syntax error), which stay the 4xx/500 they are.
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);
// PostgreSQL SQLSTATE: class 08 (connection exception), admin/crash shutdown, cannot connect now,
// too many connections.
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
const MESSAGES = [
  /^Connection terminated/,
  /Client has encountered a connection error and is not queryable/,
  /^Knex: Timeout acquiring a connection/,
  /^timeout exceeded when trying to connect$/,
];

/** True when the error (or what it wraps) says the database cannot be reached. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const { code, name, message } = current as { code?: unknown; name?: unknown; message?: unknown };
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || SQLSTATES.has(code) || /^08...$/.test(code)))
      return true;
    if (name === 'KnexTimeoutError') return true;
    if (typeof message === 'string' && MESSAGES.some((pattern) => pattern.test(message))) return true;
    const wrapped = current as { cause?: unknown; originalError?: unknown; nativeError?: unknown };
    current = wrapped.cause ?? wrapped.originalError ?? wrapped.nativeError;
  }
  return false;
}

export interface OutageCtx {
  path: string;
  status: number;
  body: unknown;
  set(name: string, value: string): void;
}

export interface OutageGuardOptions {
  /** Answers when the database does; rejects (or never settles) otherwise. */
  ping(): Promise<unknown>;
  /** How long a probe may take before the database counts as down. */
  probeTimeoutMs?: number;
  /** How long a failed probe's answer is reused before the next probe. */
  probeIntervalMs?: number;
  onDown?(error: unknown): void;
  onUp?(): void;
  now?(): number;
}

/**
 * Fails fast while the database is away. A request that meets a connection failure answers 503
 * (no SQL, no stack) and marks the database down; from then on every request waits for one shared
 * probe (at most one per interval, bounded by a timeout) instead of queueing on the pool, and
 * answers 503 at once while it fails. The first probe that succeeds lets requests through again.
 */
export function databaseOutageGuard(options: OutageGuardOptions) {
  const probeTimeoutMs = options.probeTimeoutMs ?? 2000;
  const probeIntervalMs = options.probeIntervalMs ?? 1000;
  const now = options.now ?? Date.now;
  let down = false;
  let probing: Promise<boolean> | null = null;
  let lastFailedProbeAt = -Infinity;

  const probe = (): Promise<boolean> => {
    if (probing) return probing;
    if (now() - lastFailedProbeAt < probeIntervalMs) return Promise.resolve(false);
    let timer: NodeJS.Timeout | undefined;
    probing = Promise.race([
      options.ping().then(() => true),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), probeTimeoutMs);
      }),
    ])
      .catch(() => false)
      .then((ok) => {
        clearTimeout(timer);
        probing = null;
        if (ok) {
          down = false;
          options.onUp?.();
        } else lastFailedProbeAt = now();
        return ok;
      });
    return probing;
  };

  const unavailable = (ctx: OutageCtx) => {
    ctx.status = 503;
    ctx.set('Retry-After', String(RETRY_AFTER_SECONDS));
    ctx.set('Cache-Control', 'no-store');
    ctx.body = {
      data: null,
      error: { status: 503, name: 'ServiceUnavailableError', message: DATABASE_DOWN_MESSAGE, details: {} },
    };
  };

  return {
    isDown: () => down,
    async handle(ctx: OutageCtx, next: () => Promise<unknown>): Promise<void> {
      // Liveness never touches the database; readiness has its own probe.
      if (ctx.path === '/_health' || ctx.path === '/_ready') {
        await next();
        return;
      }
      if (down && !(await probe())) {
        unavailable(ctx);
        return;
      }
      try {
        await next();
      } catch (error) {
        if (!isDatabaseUnavailable(error)) throw error;
        if (!down) {
          down = true;
          options.onDown?.(error);
        }
        lastFailedProbeAt = now();
        unavailable(ctx);
      }
    },
  };
}
