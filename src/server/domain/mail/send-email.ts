import nodemailer, { type Transporter } from "nodemailer";
import { env } from "../../../env";

let transport: { url: string; transporter: Transporter } | undefined;

function transporter(url: string): Transporter {
  if (transport?.url !== url) transport = { url, transporter: nodemailer.createTransport(url) };
  return transport.transporter;
}

/** False when no SMTP server is configured (SMTP_URL unset): e-mail is optional. */
export function emailAvailable(): boolean {
  return Boolean(env().SMTP_URL);
}

export interface EmailAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

/** Sends one plain-text e-mail through SMTP_URL; a refused or unreachable server throws. No server: nothing. */
export async function sendEmail(message: {
  to: string[];
  subject: string;
  text: string;
  attachments?: EmailAttachment[];
}): Promise<void> {
  const url = env().SMTP_URL;
  if (!url || message.to.length === 0) return;
  await transporter(url).sendMail({
    from: env().SMTP_FROM,
    to: message.to,
    subject: message.subject,
    text: message.text,
    attachments: message.attachments ?? [],
  });
}
