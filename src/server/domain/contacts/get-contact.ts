import { withOrganization } from "../../db/tenant";
import { parseJsonColumn } from "../../db/json-column";
import { messageParamsSchema } from "../../../shared/schemas/message-params";
import type { Actor } from "../members/actor";
import { displayNameOf } from "./contact-dto";
import { customFieldsOf } from "./custom-field-value";
import { AppError } from "../../errors";
import type { consentEntryOutput, getContactOutput } from "./contact-outputs";
import type { z } from "../../../shared/zod";

export type ContactConversationDto = ContactDetail["conversations"][number];

export type ConsentEntryDto = z.infer<typeof consentEntryOutput>;

export type ContactDetail = z.infer<typeof getContactOutput>;

const MAX_CONVERSATIONS = 50;
const MAX_CONSENT_ENTRIES = 200;

/** Everything the contact page shows: fields, tags, conversations and the consent ledger. */
export async function getContact(actor: Actor, input: { contactId: string }): Promise<ContactDetail> {
  return withOrganization(actor.organizationId, async (tx) => {
    const contact = await tx.contact.findFirst({
      where: { id: input.contactId, organizationId: actor.organizationId },
      select: {
        id: true,
        name: true,
        pushName: true,
        phoneE164: true,
        profilePictureUrl: true,
        consentStatus: true,
        consentLegalBasis: true,
        consentUpdatedAt: true,
        blockedAt: true,
        blockedReason: true,
        aiOptOut: true,
        customFields: true,
        lastInteractionAt: true,
        createdAt: true,
        tags: { select: { tag: { select: { id: true, name: true, color: true } } }, orderBy: { createdAt: "asc" } },
        conversations: {
          select: {
            id: true,
            kind: true,
            status: true,
            lastActivityAt: true,
            instance: { select: { id: true, name: true } },
          },
          orderBy: { lastActivityAt: "desc" },
          take: MAX_CONVERSATIONS,
        },
        consentEvents: {
          select: {
            id: true,
            status: true,
            source: true,
            legalBasis: true,
            evidence: true,
            evidenceCode: true,
            evidenceParams: true,
            actorUserId: true,
            occurredAt: true,
          },
          orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
          take: MAX_CONSENT_ENTRIES,
        },
      },
    });
    if (!contact) throw new AppError("NOT_FOUND", "contactNotFound");
    const actorIds = [...new Set(contact.consentEvents.flatMap((e) => (e.actorUserId ? [e.actorUserId] : [])))];
    const people = actorIds.length
      ? await tx.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })
      : [];
    const names = new Map(people.map((p) => [p.id, p]));
    return {
      id: contact.id,
      displayName: displayNameOf(contact),
      name: contact.name,
      pushName: contact.pushName,
      phone: contact.phoneE164,
      profilePictureUrl: contact.profilePictureUrl,
      consent: {
        status: contact.consentStatus,
        legalBasis: contact.consentLegalBasis,
        updatedAt: contact.consentUpdatedAt?.toISOString() ?? null,
      },
      blocked: contact.blockedAt ? { at: contact.blockedAt.toISOString(), reason: contact.blockedReason } : null,
      aiOptOut: contact.aiOptOut,
      customFields: customFieldsOf(contact),
      tags: contact.tags.map((t) => t.tag),
      lastInteractionAt: contact.lastInteractionAt?.toISOString() ?? null,
      createdAt: contact.createdAt.toISOString(),
      conversations: contact.conversations.map((c) => ({
        id: c.id,
        kind: c.kind,
        status: c.status,
        instance: c.instance,
        lastActivityAt: c.lastActivityAt.toISOString(),
      })),
      consentHistory: contact.consentEvents.map((e) => ({
        id: e.id,
        status: e.status,
        source: e.source,
        legalBasis: e.legalBasis,
        evidence: e.evidence,
        evidenceCode: e.evidenceCode,
        evidenceParams: parseJsonColumn(messageParamsSchema, e.evidenceParams, {
          table: "consent_events",
          column: "evidence_params",
          id: e.id,
        }),
        actor: e.actorUserId ? (names.get(e.actorUserId) ?? { id: e.actorUserId, name: "—" }) : null,
        occurredAt: e.occurredAt.toISOString(),
      })),
    };
  });
}
