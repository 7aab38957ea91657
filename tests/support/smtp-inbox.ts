import { once } from "node:events";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { testPort } from "./test-env";

export interface ReceivedMail {
  /** The envelope's recipients, comma separated. */
  to: string;
  subject: string;
  text: string;
  attachments: { filename?: string; content: Buffer }[];
}

/**
 * A real SMTP server where SMTP_URL points in tests (smtp-server, no TLS, no auth), keeping every mail it
 * accepts, parsed. Tests tell their mails apart by recipient.
 */
export async function startSmtpInbox(): Promise<{ mails: ReceivedMail[]; close: () => Promise<void> }> {
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
  server.listen(Number(testPort(2525)), "127.0.0.1");
  await once(server.server, "listening");
  return { mails, close: () => new Promise<void>((resolve) => server.close(resolve)) };
}
