import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import type { z } from "../../../shared/zod";
import type { recordContactConsentInput } from "../../../shared/schemas/contacts";
import { recordAudit } from "../audit/record-audit";
import { mayOptIn, recordConsent } from "../consent/record-consent";
import type { Actor } from "../members/actor";
import { loadContact } from "./load-contact";

/**
 * A member records consent by hand (a call, a signed form): an opt-in needs its legal basis and the
 * evidence; an opt-out needs nothing and is honoured at once. Appends to the ledger (audited);
 * recording the current status and basis again changes nothing.
 */
export async function recordContactConsent(
  actor: Actor,
  input: z.infer<typeof recordContactConsentInput>,
): Promise<{ changed: boolean }> {
  const evidence = input.evidence?.trim() || null;
  if (input.status === "opted_in" && (!input.legalBasis || !evidence))
    throw new AppError("VALIDATION", "consentBasisRequired", {
      fieldErrors: {
        ...(input.legalBasis ? {} : { legalBasis: [{ reason: "legalBasisRequired" }] }),
        ...(evidence ? {} : { evidence: [{ reason: "consentEvidenceRequired" }] }),
      },
    });
  return withOrganization(actor.organizationId, async (tx) => {
    const contact = await loadContact(tx, actor.organizationId, input.contactId);
    if (input.status === "opted_in" && !mayOptIn(contact.consentStatus, "manual", evidence))
      throw new AppError("VALIDATION", "contactOptedOut", {
        fieldErrors: {
          evidence: [{ reason: "reconsentEvidenceRequired" }],
        },
      });
    const changed = await recordConsent(tx, {
      organizationId: actor.organizationId,
      contactId: contact.id,
      status: input.status,
      source: "manual",
      legalBasis: input.status === "opted_in" ? input.legalBasis : null,
      evidence,
      actorUserId: actor.userId,
    });
    if (changed)
      await recordAudit(tx, {
        organizationId: actor.organizationId,
        actorUserId: actor.userId,
        action: "contact.consent_recorded",
        targetType: "contact",
        targetId: contact.id,
        metadata: {
          from: contact.consentStatus,
          to: input.status,
          legalBasis: input.status === "opted_in" ? (input.legalBasis ?? null) : null,
        },
      });
    return { changed };
  });
}
