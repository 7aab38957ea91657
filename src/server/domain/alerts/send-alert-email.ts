import { emailAvailable, sendEmail } from "../mail/send-email";
import type { WordedAlert } from "./word-alert-notification";

/** False when no SMTP server is configured (SMTP_URL unset): e-mail is optional. */
export function alertEmailAvailable(): boolean {
  return emailAvailable();
}

/** Sends one alert; a refused or unreachable server throws, and the job is retried. */
export async function sendAlertEmail(recipients: string[], alert: WordedAlert): Promise<void> {
  await sendEmail({ to: recipients, subject: alert.title, text: alert.text });
}
