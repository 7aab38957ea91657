import nodemailer, { type Transporter } from "nodemailer";
import { env } from "../../../env";
import type { WordedAlert } from "./word-alert-notification";

let transport: { url: string; transporter: Transporter } | undefined;

function transporter(url: string): Transporter {
  if (transport?.url !== url) transport = { url, transporter: nodemailer.createTransport(url) };
  return transport.transporter;
}

/** False when no SMTP server is configured (SMTP_URL unset): e-mail is optional. */
export function alertEmailAvailable(): boolean {
  return Boolean(env().SMTP_URL);
}

/** Sends one alert; a refused or unreachable server throws, and the job is retried. */
export async function sendAlertEmail(recipients: string[], alert: WordedAlert): Promise<void> {
  const url = env().SMTP_URL;
  if (!url || recipients.length === 0) return;
  await transporter(url).sendMail({ from: env().SMTP_FROM, to: recipients, subject: alert.title, text: alert.text });
}
