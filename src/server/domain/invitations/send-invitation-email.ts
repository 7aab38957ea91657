import { organizationWords } from "../../i18n/organization-words";
import { logger } from "../../logger";
import { emailAvailable, sendEmail } from "../mail/send-email";

/**
 * E-mails an invitation link in the organization's language when SMTP is set. Returns whether it left; a
 * failure is logged and the admin still has the link to hand over.
 */
export async function sendInvitationEmail(input: {
  organization: { name: string; locale: string; timezone: string };
  email: string;
  inviterName: string;
  link: string;
  expiresAt: Date;
}): Promise<boolean> {
  if (!emailAvailable()) return false;
  const words = organizationWords(input.organization);
  const values = {
    organization: input.organization.name,
    inviter: input.inviterName,
    link: input.link,
    expiresAt: words.dateTime(input.expiresAt),
  };
  try {
    await sendEmail({
      to: [input.email],
      subject: words.word("emails.invitation.subject", values),
      text: words.word("emails.invitation.text", values),
    });
    return true;
  } catch (error) {
    logger.warn({ err: error }, "could not e-mail an invitation");
    return false;
  }
}
