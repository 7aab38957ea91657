import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import { parsePhone } from "../contacts/phone-identity";
import { resolveContact } from "../contacts/resolve-contact";
import { ensureConversation } from "../conversations/ensure-conversation";
import { recordAudit } from "../audit/record-audit";
import { emitMessageChanges } from "../messages/emit-message-changes";
import { writeOutboundMessage } from "../messages/write-outbound-message";
import { findOptInForm } from "./find-opt-in-form";
import { checkOptInFormToken } from "./opt-in-form-token";
import { optInConfirmationText } from "./opt-in-confirmation-text";

/** One confirmation per number a day, whoever submits it: the form cannot be used to pester someone. */
const RESEND_AFTER_MS = 86_400_000;

export interface OptInSubmission {
  formToken: string;
  phone: string;
  name?: string;
  wordingVersion: number;
  website?: string;
}

/**
 * A person's submission of a public opt-in form. Bots are refused before anything is written (honeypot
 * filled, the signed form token missing, forged, too fresh or stale). The submission is kept as a pending
 * request with its wording version, time and IP; consent counts only when the person answers the
 * WhatsApp confirmation sent now through the normal send pipeline (see confirm-opt-in.ts).
 */
export async function submitOptIn(
  linkToken: string,
  input: OptInSubmission,
  context: { ipAddress: string; now?: Date },
): Promise<{ status: "sent" | "already_sent" }> {
  const now = context.now ?? new Date();
  const form = await findOptInForm(linkToken);
  if (!form) throw new AppError("NOT_FOUND", "optInFormNotFound");
  if (input.website?.trim()) throw new AppError("BAD_REQUEST", "optInNotAccepted", { details: { bot: "honeypot" } });
  const token = checkOptInFormToken(input.formToken, form.id, input.wordingVersion, now.getTime());
  if (token !== "ok") throw new AppError("BAD_REQUEST", "optInNotAccepted", { details: { bot: token } });
  if (input.wordingVersion !== form.wordingVersion) throw new AppError("CONFLICT", "optInWordingOutdated");
  const phone = parsePhone(input.phone);
  if (!phone.ok)
    throw new AppError("VALIDATION", "optInPhoneInvalid", {
      fieldErrors: { phone: [{ reason: "optInPhoneInvalid" }] },
    });

  const { organizationId } = form;
  const outcome = await withOrganization(organizationId, async (tx) => {
    const contact = await resolveContact(tx, organizationId, { phoneE164: phone.e164, lid: null }, null);
    if (!contact) throw new AppError("VALIDATION", "optInPhoneInvalid");
    const state = await tx.contact.findUniqueOrThrow({
      where: { id: contact.id },
      select: { name: true, blockedAt: true },
    });
    if (input.name?.trim() && !state.name)
      await tx.contact.update({ where: { id: contact.id }, data: { name: input.name.trim() } });
    const recent = await tx.optInRequest.findFirst({
      where: { organizationId, contactId: contact.id, submittedAt: { gt: new Date(now.getTime() - RESEND_AFTER_MS) } },
      select: { id: true },
    });
    const request = await tx.optInRequest.create({
      data: {
        organizationId,
        formId: form.id,
        contactId: contact.id,
        wordingVersion: form.wordingVersion,
        ipAddress: context.ipAddress,
        submittedAt: now,
      },
    });
    // A blocked contact (by the team, or an erased person) is never messaged; nor is a number asked twice a day.
    let message: { id: string; conversationId: string } | null = null;
    if (!recent && !state.blockedAt) {
      const organization = await tx.organization.findUniqueOrThrow({
        where: { id: organizationId },
        select: { name: true, locale: true },
      });
      const chat = await ensureConversation(tx, {
        organizationId,
        instanceId: form.instanceId,
        chat: { kind: "direct", address: phone.digits, phone: phone.digits, lid: null },
        contactName: null,
        activityAt: now,
      });
      const created = await writeOutboundMessage(tx, {
        organizationId,
        conversation: { id: chat.conversationId, instanceId: form.instanceId },
        clientMessageId: `opt-in:${request.id}`,
        type: "text",
        body: optInConfirmationText(organization),
        authorUserId: null,
      });
      message = { id: created.id, conversationId: chat.conversationId };
      await tx.optInRequest.update({ where: { id: request.id }, data: { messageId: created.id } });
    }
    await recordAudit(tx, {
      organizationId,
      actorUserId: null,
      action: "consent.opt_in_requested",
      targetType: "contact",
      targetId: contact.id,
      metadata: {
        formId: form.id,
        wordingVersion: form.wordingVersion,
        ip: context.ipAddress,
        confirmationSent: message !== null,
        requestId: request.id,
      },
    });
    return message;
  });
  if (outcome)
    await emitMessageChanges(organizationId, [{ conversationId: outcome.conversationId, messageId: outcome.id }]);
  return { status: outcome ? "sent" : "already_sent" };
}
