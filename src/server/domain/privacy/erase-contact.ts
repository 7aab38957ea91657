import { withOrganization, type Tx } from "../../db/tenant";
import { allowAuditMaintenance } from "../audit/allow-audit-maintenance";
import { mediaStore } from "../../media";
import { logger } from "../../logger";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../members/actor";
import { requireRole } from "../members/require-role";
import { closeRequestInTx } from "./close-data-subject-request";
import { importMentions } from "./import-mentions";
import { loadPerson } from "./load-person";
import { personTraces, pseudonymise, type PersonIdentity } from "./person-traces";
import { releasedMediaKeys } from "./released-media-keys";
import { phoneSuppressionHash } from "./suppression-hash";
import { guardMemberAction } from "../member-holds/guard-member-action";

export interface EraseOutcome {
  contactId: string;
  messages: number;
  conversations: number;
  mediaFiles: number;
  webhookDeliveries: number;
  reportingEvents: number;
  aiCalls: number;
  auditEntries: number;
  importFiles: number;
  suppressed: boolean;
}

const ERASE_TIMEOUT_MS = 60_000;

/**
 * Erases a person (LGPD Art. 18 IV/VI): their contact, conversations, messages (with AI insights),
 * consent ledger, campaign sends, raw webhook deliveries and reporting payloads naming them, the
 * media files and import files mentioning them. Audit entries stay, with the person pseudonymised.
 * The phone survives only as a suppression hash, so imports and inbound messages cannot make the
 * person reachable by outreach again. Set-based SQL in one transaction: a contact with 10k messages
 * takes well under a minute (bench figure in the privacy test).
 */
export async function eraseContact(
  actor: Actor,
  input: { contactId: string; requestId?: string },
): Promise<EraseOutcome> {
  requireRole(actor, "admin");
  await guardMemberAction(actor, "deletion");
  const { organizationId } = actor;
  const { outcome, mediaKeys, importKeys } = await withOrganization(
    organizationId,
    async (tx) => {
      const contact = await loadPerson(tx, organizationId, input.contactId);
      const person: PersonIdentity = {
        phoneE164: contact.phoneE164,
        lid: contact.lid,
        name: contact.name,
        pushName: contact.pushName,
      };
      const mentions = await importMentions(tx, organizationId, person);
      const erased = await eraseRows(tx, organizationId, contact.id, person);
      const hash = person.phoneE164 ? phoneSuppressionHash(person.phoneE164) : null;
      if (hash)
        await tx.suppressedIdentity.upsert({
          where: { organizationId_phoneHash: { organizationId, phoneHash: hash } },
          create: { organizationId, phoneHash: hash },
          update: {},
        });
      const importKeys = mentions.flatMap((mention) => mention.keys);
      const outcome: EraseOutcome = { ...erased.counts, importFiles: importKeys.length, suppressed: hash !== null };
      await recordAudit(tx, {
        organizationId,
        actorUserId: actor.userId,
        action: "privacy.contact_erased",
        targetType: "contact",
        targetId: contact.id,
        metadata: { subject: erased.pseudonym, ...outcome },
      });
      if (input.requestId) await closeRequestInTx(tx, actor, { requestId: input.requestId, outcome: "contact_erased" });
      return { outcome, mediaKeys: erased.mediaKeys, importKeys };
    },
    { timeoutMs: ERASE_TIMEOUT_MS },
  );
  // Files go after the commit: a rolled-back erasure must not have lost them. A failed removal is
  // logged (the rows pointing to it are already gone) and the erasure can be run again for the rest.
  for (const key of [...mediaKeys, ...importKeys])
    await mediaStore()
      .delete(key)
      .catch((error: unknown) => logger.error({ err: error, key }, "erased contact's file could not be removed"));
  return { ...outcome, mediaFiles: mediaKeys.length };
}

async function eraseRows(tx: Tx, organizationId: string, contactId: string, person: PersonIdentity) {
  const traces = personTraces(person);
  const pseudonym = `erased:${(person.phoneE164 ? phoneSuppressionHash(person.phoneE164) : contactId).slice(0, 16)}`;
  const likeAny = traces.map((trace) => `%${trace.replace(/[\\%_]/g, "\\$&")}%`);
  const traceBytes = traces.map((trace) => Buffer.from(trace, "utf8"));

  const conversationIds = (
    await tx.conversation.findMany({ where: { organizationId, contactId }, select: { id: true } })
  ).map((row) => row.id);

  const [removed] = await tx.$queryRaw<{ messages: number; media_keys: string[] }[]>`
    WITH removed AS (
      DELETE FROM messages
      WHERE organization_id = ${organizationId}::uuid
        AND (conversation_id = ANY(${conversationIds}::uuid[]) OR sender_contact_id = ${contactId}::uuid)
      RETURNING media_key)
    SELECT count(*)::int AS messages,
           coalesce(array_agg(DISTINCT media_key) FILTER (WHERE media_key IS NOT NULL), '{}') AS media_keys
    FROM removed`;
  const mediaKeys = await releasedMediaKeys(tx, organizationId, removed?.media_keys ?? []);

  const conversations = await tx.conversation.deleteMany({ where: { organizationId, id: { in: conversationIds } } });
  await tx.campaignRecipient.deleteMany({ where: { organizationId, contactId } });

  const reportingEvents = await tx.$executeRaw`
    UPDATE reporting_events SET contact_id = NULL, conversation_id = NULL, details = '{}'
    WHERE organization_id = ${organizationId}::uuid
      AND (contact_id = ${contactId}::uuid OR conversation_id = ANY(${conversationIds}::uuid[])
           OR details::text LIKE ANY(${likeAny}::text[]))`;
  const webhookDeliveries = traces.length
    ? await tx.$executeRaw`
        DELETE FROM webhook_deliveries
        WHERE organization_id = ${organizationId}::uuid
          AND (payload::text LIKE ANY(${likeAny}::text[])
               OR EXISTS (SELECT 1 FROM unnest(${traceBytes}::bytea[]) AS t(trace) WHERE position(t.trace IN raw_body) > 0))`
    : 0;

  // The AI call log keeps what was sent to a provider (masked, but names survive masking).
  const aiCalls = traces.length
    ? await tx.$executeRaw`
        DELETE FROM ai_calls
        WHERE organization_id = ${organizationId}::uuid AND input::text LIKE ANY(${likeAny}::text[])`
    : 0;

  const auditRows = traces.length
    ? await tx.$queryRaw<{ id: string; metadata: string }[]>`
        SELECT id, metadata::text AS metadata FROM audit_logs
        WHERE organization_id = ${organizationId}::uuid AND metadata::text LIKE ANY(${likeAny}::text[])`
    : [];
  if (auditRows.length) await allowAuditMaintenance(tx, "pseudonymise");
  for (const row of auditRows)
    await tx.$executeRaw`
      UPDATE audit_logs SET metadata = ${pseudonymise(row.metadata, traces, pseudonym)}::jsonb WHERE id = ${row.id}::uuid`;

  // The consent ledger and tags go with the contact (foreign keys cascade).
  await tx.contact.delete({ where: { id: contactId } });
  return {
    pseudonym,
    mediaKeys,
    counts: {
      contactId,
      messages: removed?.messages ?? 0,
      conversations: conversations.count,
      mediaFiles: mediaKeys.length,
      webhookDeliveries,
      reportingEvents,
      aiCalls,
      auditEntries: auditRows.length,
    },
  };
}
