import type { LegalBasis } from "../../db/generated/enums";
import { withOrganization } from "../../db/tenant";
import { customFieldsOf } from "../contacts/custom-field-value";
import type { Actor } from "../members/actor";
import { audienceWhere, eligibleAudienceWhere, type CampaignAudience } from "./campaign-audience";
import { renderTemplate, unknownVariables } from "./message-template";

/**
 * How many contacts an audience describes, how many of them the consent rule lets through (the same
 * rule as launch and claims), and a sample of those who would receive it, for the message preview.
 */
export async function previewAudience(actor: Actor, input: { audience: CampaignAudience; legalBasis: LegalBasis }) {
  return withOrganization(actor.organizationId, async (tx) => {
    const where = audienceWhere(actor.organizationId, input.audience);
    const eligible = eligibleAudienceWhere(actor.organizationId, input.audience, input.legalBasis);
    const [total, eligibleCount, optedIn, optedOut, blocked, sample] = [
      await tx.contact.count({ where }),
      await tx.contact.count({ where: eligible }),
      await tx.contact.count({ where: { AND: [where, { consentStatus: "opted_in", blockedAt: null }] } }),
      await tx.contact.count({ where: { AND: [where, { consentStatus: "opted_out" }] } }),
      await tx.contact.count({ where: { AND: [where, { blockedAt: { not: null } }] } }),
      await tx.contact.findMany({
        where: eligible,
        take: 5,
        orderBy: [{ lastInteractionAt: { sort: "desc", nulls: "last" } }, { id: "asc" }],
        select: { id: true, name: true, pushName: true, phoneE164: true, consentStatus: true },
      }),
    ];
    return { total, eligible: eligibleCount, optedIn, optedOut, blocked, sample };
  });
}

/** A template rendered for sample contacts (or a made-up one), with any unknown variables named. */
export async function previewTemplate(actor: Actor, input: { body: string; contactIds: string[] }) {
  return withOrganization(actor.organizationId, async (tx) => {
    const fields = await tx.contactField.findMany({
      where: { organizationId: actor.organizationId },
      select: { key: true },
    });
    const contacts = input.contactIds.length
      ? await tx.contact.findMany({
          where: { organizationId: actor.organizationId, id: { in: input.contactIds } },
          select: { id: true, name: true, pushName: true, phoneE164: true, customFields: true },
        })
      : [];
    const samples = contacts.length
      ? contacts.map((c) => ({
          contactId: c.id as string | null,
          text: renderTemplate(input.body, {
            name: c.name ?? c.pushName,
            phoneE164: c.phoneE164,
            customFields: customFieldsOf(c),
          }),
        }))
      : [
          {
            contactId: null,
            text: renderTemplate(input.body, { name: "Maria Silva", phoneE164: "+5511987654321", customFields: {} }),
          },
        ];
    return {
      unknownVariables: unknownVariables(
        input.body,
        fields.map((f) => f.key),
      ),
      samples,
    };
  });
}
