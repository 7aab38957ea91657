import type { Prisma } from "../../db/client";
import type { ConsentStatus, LegalBasis } from "../../db/generated/enums";

/** Why a contact does not get a campaign message (codes; the UI words them). */
export type ExclusionReason =
  "opted_out" | "blocked" | "no_consent" | "invalid_number" | "not_on_whatsapp" | "recently_contacted" | "duplicate";

export interface EligibilityContact {
  phoneE164: string | null;
  consentStatus: ConsentStatus;
  blockedAt: Date | null;
}

/**
 * The consent rule, checked at launch and again when each send is claimed: never an opted-out or
 * blocked contact; a campaign on the legal basis "consent" (or an audience asking for it) only
 * reaches contacts whose opt-in is recorded; other bases also reach contacts with no record.
 */
export function exclusionFor(
  contact: EligibilityContact,
  campaign: { legalBasis: LegalBasis; requireOptIn: boolean },
): ExclusionReason | null {
  if (contact.blockedAt) return "blocked";
  if (contact.consentStatus === "opted_out") return "opted_out";
  if (requiresOptIn(campaign) && contact.consentStatus !== "opted_in") return "no_consent";
  if (!contact.phoneE164) return "invalid_number";
  return null;
}

/** Whether the consent rule asks for a recorded opt-in. */
export function requiresOptIn(campaign: { legalBasis: LegalBasis; requireOptIn: boolean }): boolean {
  return campaign.legalBasis === "consent" || campaign.requireOptIn;
}

/** The contacts `exclusionFor` lets through, as a query (the wizard's count, sample and estimate). */
export function eligibleWhere(campaign: { legalBasis: LegalBasis; requireOptIn: boolean }): Prisma.ContactWhereInput {
  return {
    blockedAt: null,
    consentStatus: requiresOptIn(campaign) ? "opted_in" : { not: "opted_out" },
    phoneE164: { not: null },
  };
}
