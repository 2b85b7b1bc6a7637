import { AddressInfo } from 'node:net';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
}

export interface TestSmtpServer {
  /** smtp://127.0.0.1:<port> */
  url: string;
  port: number;
  /** Every mail received so far, in order. */
  mails: ReceivedMail[];
  /** Stops listening (the mail server is "down"); `start` again on the same port brings it back. */
  stop(): Promise<void>;
  start(): Promise<void>;
}

const addressesOf = (parsed: ParsedMail): string[] => {
  const to = parsed.to;
  const list = Array.isArray(to) ? to : to ? [to] : [];
  return list.flatMap((a) => a.value.map((v) => v.address ?? ''));
};

/** A real SMTP server in this process (the `smtp-server` package), no auth, no TLS: it keeps what it is sent. */
export async function startSmtpServer(port = 0): Promise<TestSmtpServer> {
  const mails: ReceivedMail[] = [];
  let server: SMTPServer | null = null;
  let boundPort = port;
  const listen = async (): Promise<void> => {
    const next = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, _session, callback) {
        simpleParser(stream)
          .then((parsed) => {
            mails.push({ from: parsed.from?.value[0]?.address ?? '', to: addressesOf(parsed), subject: parsed.subject ?? '', text: parsed.text ?? '' });
            callback();
          })
          .catch((e: unknown) => callback(e instanceof Error ? e : new Error(String(e))));
      },
    });
    await new Promise<void>((resolve, reject) => {
      next.once('error', reject);
      next.listen(boundPort, '127.0.0.1', () => resolve());
    });
    boundPort = (next.server.address() as AddressInfo).port;
    server = next;
  };
  await listen();
  return {
    get url() {
      return `smtp://127.0.0.1:${boundPort}`;
    },
    get port() {
      return boundPort;
    },
    mails,
    async stop() {
      const current = server;
      server = null;
      if (current) await new Promise<void>((resolve) => current.close(() => resolve()));
    },
    start: listen,
  };
}
