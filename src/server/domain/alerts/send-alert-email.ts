import nodemailer, { type Transporter } from "nodemailer";
import { env } from "../../../env";
import type { WordedAlert } from "./word-alert-notification";

let transport: { url: string; transporter: Transporter } | undefined;

function transporter(url: string): Transporter {
  if (transport?.url !== url) transport = { url, transporter: nodemailer.createTransport(url) };
  return transport.transporter;
}

/** The SMTP transport of SMTP_URL (one per process), or null when e-mail is off; alerts and reports share it. */
export function smtpTransporter(): Transporter | null {
  const url = env().SMTP_URL;
  return url ? transporter(url) : null;
}

/** False when no SMTP server is configured (SMTP_URL unset): e-mail is optional. */
export function alertEmailAvailable(): boolean {
  return Boolean(env().SMTP_URL);
}

/** Sends one alert; a refused or unreachable server throws, and the job is retried. */
export async function sendAlertEmail(recipients: string[], alert: WordedAlert): Promise<void> {
  const smtp = smtpTransporter();
  if (!smtp || recipients.length === 0) return;
  await smtp.sendMail({ from: env().SMTP_FROM, to: recipients, subject: alert.title, text: alert.text });
}
