import { once } from "node:events";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { testPort } from "./test-env";

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  attachments: { filename?: string; content: Buffer }[];
}

/**
 * A real SMTP server on the port SMTP_URL names in the test environment (the web server and worker send
 * there too). Collects every mail; `waitFor` polls for one, since mail arrives after the call that sent it.
 */
export function smtpInbox() {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          mails.push({
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address).join(","),
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            attachments: mail.attachments.map((a) => ({ filename: a.filename, content: a.content })),
          });
          callback();
        })
        .catch(callback);
    },
  });
  return {
    mails,
    async start(): Promise<void> {
      server.listen(Number(testPort(2525)), "127.0.0.1");
      await once(server.server, "listening");
    },
    stop: () => new Promise<void>((resolve) => server.close(resolve)),
    async waitFor(to: string, timeoutMs = 10_000): Promise<ReceivedMail> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const mail = mails.find((m) => m.to === to);
        if (mail) return mail;
        if (Date.now() > deadline) throw new Error(`no mail to ${to} within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}

/** The first link to this Mirage in a mail's text. */
export function linkIn(text: string, path: string): string {
  const match = text.match(new RegExp(`https?://\\S+${path}/[A-Za-z0-9_-]+`));
  if (!match) throw new Error(`no ${path} link in: ${text}`);
  return match[0];
}
