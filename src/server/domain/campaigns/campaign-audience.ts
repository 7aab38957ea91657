import type { Prisma } from "../../db/client";
import type { LegalBasis } from "../../db/generated/enums";
import type { CampaignAudience } from "./campaign-settings-schema";
import { eligibleWhere } from "./recipient-eligibility";

export type { CampaignAudience } from "./campaign-settings-schema";

/**
 * The contacts a campaign's audience describes (before consent and preflight exclusions, which the
 * launch reports one by one). Groups are never an audience: only contacts with a phone number.
 */
export function audienceWhere(organizationId: string, audience: CampaignAudience): Prisma.ContactWhereInput {
  const where: Prisma.ContactWhereInput[] = [{ organizationId }];
  for (const tagId of audience.tagIds) where.push({ tags: { some: { tagId } } });
  if (audience.instanceIds.length)
    where.push({ conversations: { some: { instanceId: { in: audience.instanceIds } } } });
  if (audience.lastInteraction.after)
    where.push({ lastInteractionAt: { gte: new Date(audience.lastInteraction.after) } });
  if (audience.lastInteraction.before)
    where.push({
      OR: [{ lastInteractionAt: { lt: new Date(audience.lastInteraction.before) } }, { lastInteractionAt: null }],
    });
  for (const field of audience.fields) where.push({ customFields: { path: [field.key], equals: field.value } });
  return { AND: where };
}

/** The audience's contacts the consent rule lets through (before launch's number and recency checks). */
export function eligibleAudienceWhere(
  organizationId: string,
  audience: CampaignAudience,
  legalBasis: LegalBasis,
): Prisma.ContactWhereInput {
  return {
    AND: [
      audienceWhere(organizationId, audience),
      eligibleWhere({ legalBasis, requireOptIn: audience.consent === "opted_in" }),
    ],
  };
}
