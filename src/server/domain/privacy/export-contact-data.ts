import { strToU8, zipSync, type Zippable } from "fflate";
import { withOrganization } from "../../db/tenant";
import { readMediaBytes } from "../../media";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../members/actor";
import { requireRole } from "../members/require-role";
import { importMentions } from "./import-mentions";
import { loadPerson } from "./load-person";
import { guardMemberAction } from "../member-holds/guard-member-action";

export interface ContactExport {
  fileName: string;
  zip: Uint8Array;
  counts: { messages: number; mediaFiles: number; conversations: number };
}

const json = (value: unknown) =>
  strToU8(JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? String(v) : v), 2));

/**
 * Everything the organization holds about a person (LGPD Art. 18 II and V), as a ZIP: JSON files for
 * the contact (with custom fields and tags), consent ledger, conversations, messages (with AI
 * insights), campaign sends, import rows and requests, plus the stored media files. Audited.
 */
export async function exportContactData(actor: Actor, input: { contactId: string }): Promise<ContactExport> {
  requireRole(actor, "admin");
  await guardMemberAction(actor, "export");
  const { organizationId } = actor;
  const data = await withOrganization(
    organizationId,
    async (tx) => {
      const contact = await loadPerson(tx, organizationId, input.contactId);
      const tags = await tx.contactTag.findMany({
        where: { contactId: contact.id },
        select: { tag: { select: { name: true } } },
      });
      const consent = await tx.consentEvent.findMany({
        where: { contactId: contact.id },
        orderBy: { occurredAt: "asc" },
      });
      const conversations = await tx.conversation.findMany({ where: { organizationId, contactId: contact.id } });
      const messages = await tx.message.findMany({
        where: {
          organizationId,
          OR: [{ conversationId: { in: conversations.map((c) => c.id) } }, { senderContactId: contact.id }],
        },
        include: { insight: true },
        orderBy: [{ sentAt: "asc" }, { id: "asc" }],
      });
      const campaignSends = await tx.campaignRecipient.findMany({
        where: { organizationId, contactId: contact.id },
        include: { campaign: { select: { name: true } } },
      });
      const requests = await tx.dataSubjectRequest.findMany({ where: { organizationId, contactId: contact.id } });
      const imports = await importMentions(tx, organizationId, contact);
      await recordAudit(tx, {
        organizationId,
        actorUserId: actor.userId,
        action: "privacy.contact_exported",
        targetType: "contact",
        targetId: contact.id,
        metadata: { messages: messages.length, conversations: conversations.length },
      });
      return { contact, tags, consent, conversations, messages, campaignSends, requests, imports };
    },
    { timeoutMs: 60_000 },
  );

  const files: Zippable = {
    "contact.json": json({ ...data.contact, tags: data.tags.map((t) => t.tag.name) }),
    "consent-ledger.json": json(data.consent),
    "conversations.json": json(data.conversations),
    "messages.json": json(data.messages.map(({ insight, ...message }) => ({ ...message, aiInsight: insight }))),
    "ai-insights.json": json(data.messages.flatMap((message) => (message.insight ? [message.insight] : []))),
    "campaign-sends.json": json(data.campaignSends),
    "import-rows.json": json(data.imports.map(({ keys: _keys, ...mention }) => mention)),
    "data-subject-requests.json": json(data.requests),
  };
  let mediaFiles = 0;
  for (const message of data.messages) {
    if (!message.mediaKey) continue;
    const bytes = await readMediaBytes(message.mediaKey);
    if (!bytes) continue;
    const name = (message.mediaFileName ?? "file").replace(/[^\w.-]+/g, "_");
    files[`media/${message.id}-${name}`] = [new Uint8Array(bytes), { level: 0 }];
    mediaFiles += 1;
  }
  return {
    fileName: `mirage-titular-${data.contact.id}.zip`,
    zip: zipSync(files, { level: 6 }),
    counts: { messages: data.messages.length, mediaFiles, conversations: data.conversations.length },
  };
}
