import { withUser } from "../../db/tenant";
import { db } from "../../db/client";
import { organizationWords } from "../../i18n/organization-words";
import { logger } from "../../logger";
import { recordAuditForPerson } from "../audit/record-audit-for-person";
import { appLink } from "../auth/link-token";
import { normalizeEmail } from "../auth/verify-credentials";
import { emailAvailable, sendEmail } from "../mail/send-email";
import { createResetToken, EMAILED_RESET_TTL_MINUTES } from "./reset-tokens";

/**
 * "Esqueci minha senha": e-mails a single-use link valid for an hour when SMTP is set and the e-mail has an
 * enabled account. The caller answers the same whatever happened, so the form tells nobody which e-mails
 * have accounts.
 */
export async function requestPasswordReset(input: { email: string; ip: string }): Promise<void> {
  if (!emailAvailable()) return;
  const email = normalizeEmail(input.email);
  const user = await db().user.findUnique({ where: { email } });
  if (!user || user.disabledAt) return;
  const { token, expiresAt, locale } = await withUser(user.id, async (tx) => {
    const created = await createResetToken(tx, {
      userId: user.id,
      requestedByUserId: null,
      ttlMinutes: EMAILED_RESET_TTL_MINUTES,
    });
    const memberships = await recordAuditForPerson(tx, user.id, {
      action: "password_reset.requested",
      metadata: { ip: input.ip },
    });
    return { ...created, locale: memberships[0]?.organization ?? { locale: "pt-BR", timezone: "America/Sao_Paulo" } };
  });
  const words = organizationWords({ locale: user.locale ?? locale.locale, timezone: locale.timezone });
  const values = { name: user.name, link: appLink(`/reset-password/${token}`), expiresAt: words.dateTime(expiresAt) };
  try {
    await sendEmail({
      to: [user.email],
      subject: words.word("emails.passwordReset.subject", values),
      text: words.word("emails.passwordReset.text", values),
    });
  } catch (error) {
    logger.warn({ err: error }, "could not e-mail a password reset link");
  }
}
