import { randomInt, randomUUID } from "node:crypto";
import { unzipSync, strFromU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { withOrganization } from "~/server/db/tenant";
import { mediaKey, mediaStore } from "~/server/media";
import { previewContactImport } from "~/server/domain/contacts/preview-contact-import";
import { recordAudit } from "~/server/domain/audit/record-audit";
import { exportContactData } from "~/server/domain/privacy/export-contact-data";
import { remindDueRequests } from "~/server/domain/privacy/remind-due-requests";
import { purgeRetention } from "~/server/domain/privacy/purge-retention";
import { toPublicError } from "~/server/errors";
import type { ImportMapping } from "~/shared/schemas/contacts";
import { addMemberWithPassword, callerFor, makeOrganization } from "../support/factory";
import { deliver, inboxFixture } from "../support/inbox-pipeline";
import { textUpsert } from "../support/evolution-payloads";
import { findTracesInDatabase, findTracesInMediaDir } from "../support/privacy-scan";

type Caller = ReturnType<typeof callerFor>;
type Org = Awaited<ReturnType<typeof makeOrganization>>;
const ownerActor = (org: Org) => ({ userId: org.ownerId, organizationId: org.organizationId, role: "owner" as const });
const DAY = 86_400_000;

/** A person no other test uses: a random mobile number and a name unlike any other. */
function uniquePerson() {
  const local = `9${String(randomInt(60_000_000, 99_999_999))}`;
  return { digits: `5531${local}`, national: `31${local}`, name: `Zuleica Privacidade ${randomUUID().slice(0, 8)}` };
}

async function importCsv(owner: Caller, org: Org, csv: string) {
  const preview = await previewContactImport(ownerActor(org), {
    bytes: Buffer.from(csv, "utf8"),
    fileName: "lista.csv",
  });
  const mapping: ImportMapping = { phone: 0, name: 1, consent: 2, fields: {} };
  const report = await owner.contacts.imports.validate({ importId: preview.importId, mapping });
  await owner.contacts.imports.start({
    importId: preview.importId,
    mapping,
    legalBasis: "consent",
    evidence: "Formulário 2026",
  });
  await expect
    .poll(async () => (await owner.contacts.imports.get({ importId: preview.importId })).status, {
      timeout: 30_000,
      interval: 100,
    })
    .toMatch(/completed|failed/);
  return { report, final: await owner.contacts.imports.get({ importId: preview.importId }) };
}

/** A person who wrote in (real webhook pipeline: raw delivery, contact, conversation), plus bulk history. */
async function personWithHistory(bulkMessages: number) {
  const fixture = await inboxFixture();
  const { org, owner, instanceId, providerName } = fixture;
  const person = uniquePerson();
  await importCsv(
    owner,
    org,
    `telefone,nome,optin\n${person.national},${person.name},sim\n31988887777,Outra Pessoa,sim\n`,
  );
  await deliver(
    org.organizationId,
    instanceId,
    textUpsert(providerName, { remoteJid: `${person.digits}@s.whatsapp.net` }, `Oi, aqui é ${person.name}`, {
      pushName: person.name,
    }),
  );
  const { contactId, conversationId } = await withOrganization(org.organizationId, async (tx) => {
    const contact = await tx.contact.findFirstOrThrow({ where: { phoneE164: `+${person.digits}` } });
    const conversation = await tx.conversation.findFirstOrThrow({ where: { contactId: contact.id } });
    return { contactId: contact.id, conversationId: conversation.id };
  });
  // An audit entry that names the person (as a merge or a phone link does).
  await withOrganization(org.organizationId, (tx) =>
    recordAudit(tx, {
      organizationId: org.organizationId,
      actorUserId: org.ownerId,
      action: "contact.phone_noted",
      targetType: "contact",
      targetId: contactId,
      metadata: { phone: `+${person.digits}`, name: person.name },
    }),
  );
  const photo = Buffer.from(`foto de ${person.name} ${person.digits}`);
  const key = mediaKey(org.organizationId, photo);
  await mediaStore().put(key, photo, { contentType: "image/jpeg" });
  await withOrganization(
    org.organizationId,
    async (tx) => {
      await tx.$executeRaw`
        INSERT INTO messages (id, organization_id, instance_id, conversation_id, provider_message_id, direction, type,
                              body, status, sent_at, created_at, updated_at)
        SELECT gen_random_uuid(), ${org.organizationId}::uuid, ${instanceId}::uuid, ${conversationId}::uuid,
               'BULK' || g, 'inbound', 'text', 'mensagem ' || g || ' de ' || ${person.name} || ' fone ' || ${person.digits},
               'received', now() - g * interval '1 second', now(), now()
        FROM generate_series(1, ${bulkMessages}::int) AS g`;
      // What a provider was sent about the person: masking hides the phone, not the name.
      await tx.$executeRaw`
        INSERT INTO ai_calls (id, organization_id, feature, engine, model, prompt_version, outcome, input)
        VALUES (gen_random_uuid(), ${org.organizationId}::uuid, 'summary', 'provider', 'gpt-4o-mini', 'v1', 'ok',
                jsonb_build_array(jsonb_build_object('role', 'user', 'content', 'Cliente ' || ${person.name})))`;
      await tx.message.create({
        data: {
          organizationId: org.organizationId,
          instanceId,
          conversationId,
          direction: "inbound",
          type: "image",
          status: "received",
          sentAt: new Date(),
          mediaKey: key,
          mediaFileName: "foto.jpg",
          mediaMimeType: "image/jpeg",
          mediaStatus: "stored",
          body: "legenda",
        },
      });
    },
    { timeoutMs: 60_000 },
  );
  return { ...fixture, person, contactId, conversationId, mediaFileKey: key };
}

describe("privacy: data-subject requests", () => {
  it("registers a request with a 15-day clock, reminds once near the due date, closes with an outcome; admins only", async () => {
    const { org, owner } = await inboxFixture();
    const { contactId } = await owner.contacts.create({ phone: "31 98111-2233", name: "Pedro" });
    const receivedAt = new Date(Date.now() - 13 * DAY);
    const request = await owner.privacy.requests.register({
      contactId,
      kind: "access",
      receivedAt: receivedAt.toISOString(),
    });
    expect(new Date(request.dueAt).getTime() - receivedAt.getTime()).toBe(15 * DAY);
    expect(request).toMatchObject({ status: "open", clock: "due_soon", contactName: "Pedro" });
    const fresh = await owner.privacy.requests.register({ contactId, kind: "confirmation" });
    expect(fresh.clock).toBe("on_time");

    expect(await remindDueRequests({ organizationId: org.organizationId })).toBe(1);
    expect(await remindDueRequests({ organizationId: org.organizationId })).toBe(0);
    const notices = await withOrganization(org.organizationId, (tx) =>
      tx.auditLog.findMany({ where: { action: "privacy.request_due_soon" }, select: { targetId: true } }),
    );
    expect(notices).toEqual([{ targetId: request.id }]);

    const closed = await owner.privacy.requests.close({ requestId: request.id, outcome: "data_exported" });
    expect(closed).toMatchObject({ status: "closed", outcome: "data_exported", clock: "closed" });
    // Idempotent with the same outcome, refused with another.
    await owner.privacy.requests.close({ requestId: request.id, outcome: "data_exported" });
    await expect(owner.privacy.requests.close({ requestId: request.id, outcome: "fulfilled" })).rejects.toSatisfy(
      (error) => toPublicError(error).reason === "dataSubjectRequestClosed",
    );
    expect((await owner.privacy.requests.list({ status: "open" })).map((r) => r.id)).toEqual([fresh.id]);

    const agent = await addMemberWithPassword(org.organizationId, "agent");
    await expect(callerFor(agent.userId, org.organizationId).privacy.requests.list({})).rejects.toSatisfy(
      (error) => toPublicError(error).reason === "adminsOnly",
    );
    // Another organization cannot see or close it.
    const other = await makeOrganization();
    const stranger = callerFor(other.ownerId, other.organizationId);
    expect(await stranger.privacy.requests.list({})).toEqual([]);
    await expect(stranger.privacy.requests.close({ requestId: fresh.id, outcome: "fulfilled" })).rejects.toSatisfy(
      (error) => toPublicError(error).reason === "dataSubjectRequestNotFound",
    );
  });
});

describe("privacy: export and erasure", () => {
  it("exports every message, the media file and the import row; erasing 10k messages leaves no trace and suppresses the person", async () => {
    const bulk = 10_000;
    const fixture = await personWithHistory(bulk);
    const { org, owner, person, contactId, instanceId, providerName } = fixture;

    const exported = await exportContactData(ownerActor(org), { contactId });
    const files = unzipSync(exported.zip);
    const messages = JSON.parse(strFromU8(files["messages.json"]!)) as { body: string | null }[];
    expect(messages).toHaveLength(bulk + 2);
    expect(Object.keys(files).filter((name) => name.startsWith("media/"))).toHaveLength(1);
    expect(strFromU8(files[Object.keys(files).find((name) => name.startsWith("media/"))!]!)).toContain(person.digits);
    expect(JSON.parse(strFromU8(files["contact.json"]!))).toMatchObject({
      phoneE164: `+${person.digits}`,
      name: person.name,
    });
    expect(JSON.parse(strFromU8(files["import-rows.json"]!))).toHaveLength(1);
    expect(JSON.parse(strFromU8(files["consent-ledger.json"]!)).length).toBeGreaterThan(0);

    const needles = [person.digits, person.national.slice(2), person.name];
    // The scan sees the person before the erasure (so its empty answer afterwards means something).
    expect((await findTracesInDatabase(needles)).map((hit) => hit.table)).toEqual(
      expect.arrayContaining([
        "public.contacts",
        "public.messages",
        "public.webhook_deliveries",
        "public.audit_logs",
        "public.ai_calls",
      ]),
    );
    expect(findTracesInMediaDir(needles, org.organizationId).length).toBeGreaterThanOrEqual(2);

    const request = await owner.privacy.requests.register({ contactId, kind: "deletion" });
    const started = performance.now();
    const outcome = await owner.privacy.eraseContact({ contactId, requestId: request.id });
    const eraseMs = performance.now() - started;
    console.log(JSON.stringify({ bench: "erase-contact", messages: bulk + 2, ms: Math.round(eraseMs) }));
    expect(eraseMs).toBeLessThan(60_000);
    expect(outcome).toMatchObject({ messages: bulk + 2, conversations: 1, mediaFiles: 1, suppressed: true });
    expect(outcome.importFiles).toBeGreaterThan(0);
    expect(outcome.webhookDeliveries).toBeGreaterThan(0);

    expect(await findTracesInDatabase(needles)).toEqual([]);
    expect(findTracesInMediaDir(needles, org.organizationId)).toEqual([]);
    // The audit trail stays, pseudonymised; the request is closed by the erasure.
    const audit = await withOrganization(org.organizationId, (tx) =>
      tx.auditLog.findMany({ where: { targetId: contactId }, select: { action: true } }),
    );
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(["contact.phone_noted", "privacy.contact_exported", "privacy.contact_erased"]),
    );
    expect((await owner.privacy.requests.list({})).find((r) => r.id === request.id)).toMatchObject({
      status: "closed",
      outcome: "contact_erased",
    });

    // A later import skips the person with a code and keeps none of their cells.
    const again = await importCsv(
      owner,
      org,
      `telefone,nome,optin\n${person.national},${person.name},sim\n31977776666,Nova Pessoa,sim\n`,
    );
    expect(again.report.rejected).toEqual([
      expect.objectContaining({ issues: [{ reason: "importPersonErased", params: {} }], phone: "" }),
    ]);
    expect(again.final).toMatchObject({ status: "completed", createdCount: 1, rejectedCount: 1 });
    // An inbound message recreates a contact for the inbox, but blocked: never reachable by outreach.
    await deliver(
      org.organizationId,
      instanceId,
      textUpsert(providerName, { remoteJid: `${person.digits}@s.whatsapp.net` }, "oi de novo", { pushName: "Z" }),
    );
    const back = await withOrganization(org.organizationId, (tx) =>
      tx.contact.findFirstOrThrow({ where: { phoneE164: `+${person.digits}` } }),
    );
    expect(back).toMatchObject({ blockedReason: "suppressed_erased", consentStatus: "unknown" });
    expect(back.blockedAt).not.toBeNull();
  }, 180_000);
});

describe("privacy: retention", () => {
  it("counts in a dry run, purges only rows past each policy when enabled, and records the purge", async () => {
    const { org, owner, instanceId, providerName } = await inboxFixture();
    for (const text of ["um", "dois", "três"])
      await deliver(
        org.organizationId,
        instanceId,
        textUpsert(providerName, { remoteJid: "5531977001122@s.whatsapp.net" }, text),
      );
    const photo = Buffer.from(`retention ${randomUUID()}`);
    const key = mediaKey(org.organizationId, photo);
    await mediaStore().put(key, photo, { contentType: "image/jpeg" });
    await withOrganization(org.organizationId, async (tx) => {
      const [oldest, middle] = await tx.message.findMany({ orderBy: { sentAt: "asc" }, select: { id: true } });
      await tx.message.update({ where: { id: oldest!.id }, data: { sentAt: new Date(Date.now() - 100 * DAY) } });
      await tx.message.update({
        where: { id: middle!.id },
        data: { sentAt: new Date(Date.now() - 40 * DAY), mediaKey: key, mediaStatus: "stored" },
      });
      await tx.webhookDelivery.updateMany({ data: { receivedAt: new Date(Date.now() - 10 * DAY) } });
      // Audit rows are append-only (no backdating): an old entry is inserted as it would have been written.
      await tx.$executeRaw`INSERT INTO audit_logs (id, organization_id, action, target_type, created_at)
                           VALUES (gen_random_uuid(), ${org.organizationId}::uuid, 'test.old_entry', 'test', now() - interval '400 days')`;
    });

    expect(await owner.privacy.retention.preview({ kind: "messages", keepDays: 90 })).toEqual({
      kind: "messages",
      count: 1,
    });
    expect(await owner.privacy.retention.preview({ kind: "media", keepDays: 30 })).toEqual({ kind: "media", count: 1 });
    expect((await owner.privacy.retention.preview({ kind: "webhook_deliveries", keepDays: 7 })).count).toBe(3);
    await expect(owner.privacy.retention.save({ kind: "audit", keepDays: 30, enabled: true })).rejects.toSatisfy(
      (error) => toPublicError(error).reason === "auditRetentionTooShort",
    );
    // Saved but not enabled: the purge touches nothing.
    await owner.privacy.retention.save({ kind: "messages", keepDays: 90, enabled: false });
    expect(await purgeRetention({ organizationId: org.organizationId })).toEqual({});

    for (const policy of [
      { kind: "messages", keepDays: 90 },
      { kind: "media", keepDays: 30 },
      { kind: "webhook_deliveries", keepDays: 7 },
      { kind: "audit", keepDays: 365 },
    ] as const)
      await owner.privacy.retention.save({ ...policy, enabled: true });
    const purged = await purgeRetention({ organizationId: org.organizationId });
    expect(purged).toEqual({ messages: 1, media: 1, webhook_deliveries: 3, audit: 1 });
    expect(await mediaStore().get(key)).toBeNull();

    const left = await withOrganization(org.organizationId, async (tx) => ({
      messages: await tx.message.count(),
      withMedia: await tx.message.count({ where: { mediaKey: { not: null } } }),
      deliveries: await tx.webhookDelivery.count(),
      purges: await tx.auditLog.findMany({
        where: { action: "privacy.retention_purged" },
        select: { targetId: true, metadata: true },
      }),
    }));
    expect(left).toMatchObject({ messages: 2, withMedia: 0, deliveries: 0 });
    expect(left.purges).toHaveLength(4);
    expect(left.purges.find((p) => p.targetId === "messages")?.metadata).toMatchObject({ keepDays: 90, rows: 1 });
    expect(left.purges.find((p) => p.targetId === "media")?.metadata).toMatchObject({ rows: 1, files: 1 });
    // A second run has nothing left to purge.
    expect(await purgeRetention({ organizationId: org.organizationId })).toEqual({
      messages: 0,
      media: 0,
      webhook_deliveries: 0,
      audit: 0,
    });
    const policies = await owner.privacy.retention.list();
    expect(policies.find((p) => p.kind === "messages")).toMatchObject({ keepDays: 90, enabled: true });
    expect(policies.find((p) => p.kind === "ai_insights")).toMatchObject({ keepDays: null, enabled: false });
  });
});
