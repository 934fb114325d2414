import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
}

/**
 * A real SMTP server on 127.0.0.1 for the test process: it keeps what it receives. It can be
 * stopped and started again on the same port to play an outage.
 */
export class Mailbox {
  readonly messages: ReceivedMail[] = [];
  private server: SMTPServer | null = null;
  port = 0;

  async start(port = this.port): Promise<number> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            const to = [mail.to ?? []]
              .flat()
              .flatMap((address) => address.value.map((v) => (v.address ?? '').toLowerCase()));
            this.messages.push({ to, subject: mail.subject ?? '', text: mail.text ?? '' });
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.server.address() as AddressInfo).port;
    return this.port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  to(address: string): ReceivedMail[] {
    return this.messages.filter((mail) => mail.to.includes(address.toLowerCase()));
  }

  /**
   * The first mail to an address that passes `test`, waiting up to 5 s for it (a job running beside
   * the test may be the one delivering it); throws when none arrives.
   */
  async waitForMatch(address: string, test: (mail: ReceivedMail) => boolean): Promise<ReceivedMail> {
    for (let i = 0; i < 100 && !this.to(address).some(test); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const mail = this.to(address).find(test);
    if (!mail) throw new Error(`Không có thư phù hợp gửi tới ${address}`);
    return mail;
  }

  /** The mail to an address once at least `count` have arrived (delivery is asynchronous). */
  async waitFor(address: string, count = 1): Promise<ReceivedMail[]> {
    for (let i = 0; i < 100 && this.to(address).length < count; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const mails = this.to(address);
    if (mails.length < count) throw new Error(`Chưa nhận đủ ${count} thư gửi tới ${address}`);
    return mails;
  }
}
