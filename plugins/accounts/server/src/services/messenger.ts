import type { Core } from '@strapi/strapi';
import { maskIdentifier, type Identifier } from '@sgd/contracts';

/** Sends a short text message; throws when the provider refuses it. */
export interface SmsProvider {
  readonly name: string;
  send(to: string, text: string): Promise<void>;
}

/**
 * An HTTP SMS gateway: `POST SMS_GATEWAY_URL` with JSON `{ to, text, sender }` and
 * `Authorization: Bearer SMS_GATEWAY_TOKEN`; any 2xx is accepted.
 */
export function httpSmsProvider(options: {
  url: string;
  token?: string;
  sender?: string;
  timeoutMs?: number;
}): SmsProvider {
  return {
    name: 'http',
    async send(to, text) {
      const response = await fetch(options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        },
        body: JSON.stringify({ to, text, sender: options.sender ?? null }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      if (!response.ok) throw new Error(`Cổng SMS trả lời ${response.status}`);
    },
  };
}

/** Development only: the message (and so the code) is written to the log. */
export function logSmsProvider(strapi: Core.Strapi): SmsProvider {
  return {
    name: 'log',
    async send(to, text) {
      strapi.log.info(`[SMS tới ${to}] ${text}`);
    },
  };
}

export class DeliveryError extends Error {}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  let sms: SmsProvider | null | undefined;

  const smsProvider = (): SmsProvider | null => {
    if (sms !== undefined) return sms;
    const config = strapi.config.get('plugin::accounts') as {
      sms: { provider: string; url: string; token: string; sender: string };
    };
    if (config.sms.provider === 'http' && config.sms.url) {
      sms = httpSmsProvider({ url: config.sms.url, token: config.sms.token, sender: config.sms.sender });
    } else if (config.sms.provider === 'log') {
      sms = logSmsProvider(strapi);
    } else {
      sms = null;
    }
    return sms;
  };

  return {
    /** Whether phone numbers can be used (an SMS provider is configured). */
    smsAvailable: () => smsProvider() !== null,

    /** For tests: use another provider. */
    useSmsProvider(provider: SmsProvider | null) {
      sms = provider;
    },

    /** Sends to an email address or a phone; throws DeliveryError with a message a person reads. */
    async send(to: Identifier, message: { subject: string; text: string; sms: string }): Promise<void> {
      try {
        if (to.channel === 'email') {
          await strapi
            .plugin('email')
            .service('email')
            .send({ to: to.value, subject: message.subject, text: message.text });
        } else {
          const provider = smsProvider();
          if (!provider) throw new Error('Chưa cấu hình cổng SMS');
          await provider.send(to.value, message.sms);
        }
      } catch (error) {
        const config = strapi.config.get('plugin::accounts') as { emailLogFallback?: boolean };
        if (to.channel === 'email' && config.emailLogFallback) {
          strapi.log.warn(
            `[Thư tới ${to.value}, chưa gửi được: ${(error as Error).message}] ${message.subject}\n${message.text}`,
          );
          return;
        }
        strapi.log.warn(`Gửi tin tới ${maskIdentifier(to)} thất bại: ${(error as Error).message}`);
        throw new DeliveryError(
          to.channel === 'email'
            ? 'Chưa gửi được thư lúc này. Vui lòng thử lại sau ít phút.'
            : 'Chưa gửi được tin nhắn lúc này. Vui lòng thử lại sau ít phút.',
        );
      }
    },
  };
};
