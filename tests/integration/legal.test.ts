import { describe, expect, it } from "vitest";
import { env } from "~/env";
import { withOrganization } from "~/server/db/tenant";
import { remindIncidentNotices } from "~/server/domain/legal/remind-incident-notices";
import { addMemberWithPassword, callerFor, makeOrganization } from "../support/factory";

const encarregado = { name: "Dora Encarregada", email: "dpo@loja.example" };

async function orgWithOwner() {
  const org = await makeOrganization(`Loja Legal ${crypto.randomUUID().slice(0, 4)}`);
  return { org, owner: callerFor(org.ownerId, org.organizationId) };
}

describe("legal documents", () => {
  it("publishes versioned terms filled with the organization and its encarregado; a published version is immutable", async () => {
    const { org, owner } = await orgWithOwner();
    const draft = await owner.legal.documents.saveDraft({ kind: "terms" });
    expect(draft).toMatchObject({ version: 1, status: "draft" });
    expect(draft.body).toContain("{{organizationName}}");

    // ANPD Res. 18/2024: no publication without the encarregado.
    await expect(owner.legal.documents.publish({ documentId: draft.id })).rejects.toMatchObject({
      cause: { reason: "encarregadoRequired" },
    });
    await owner.legal.saveEncarregado(encarregado);
    const published = await owner.legal.documents.publish({ documentId: draft.id });
    const orgName = await withOrganization(
      org.organizationId,
      async (tx) => (await tx.organization.findUniqueOrThrow({ where: { id: org.organizationId } })).name,
    );
    expect(published.status).toBe("published");
    expect(published.body).toContain(orgName);
    expect(published.body).toContain("Dora Encarregada — dpo@loja.example");
    expect(published.body).not.toMatch(/\{\{/);
    // Publishing terms asks everyone, the publisher included, to accept them before anything else.
    await owner.legal.acceptTerms({ documentId: draft.id });

    await expect(owner.legal.documents.publish({ documentId: draft.id })).rejects.toMatchObject({
      cause: { reason: "legalDocumentPublished" },
    });
    // The database refuses a change even from code that skips the domain.
    await expect(
      withOrganization(org.organizationId, (tx) =>
        tx.legalDocument.update({ where: { id: draft.id }, data: { body: "forged" } }),
      ),
    ).rejects.toThrow(/immutable/);
    await expect(
      withOrganization(org.organizationId, (tx) => tx.legalDocument.delete({ where: { id: draft.id } })),
    ).rejects.toThrow(/immutable/);

    // The next edit is a new version; the published one stays as it was.
    const next = await owner.legal.documents.saveDraft({
      kind: "terms",
      body: "# Termos v2\n\nNovo texto para {{organizationName}}.",
    });
    expect(next.version).toBe(2);
    const versions = await owner.legal.documents.list({ kind: "terms" });
    expect(versions.map((v) => [v.version, v.status])).toEqual([
      [2, "draft"],
      [1, "published"],
    ]);
    expect(versions[1]!.body).toBe(published.body);
  });

  it("keeps every member out until they accept the current terms, and asks again for a new version", async () => {
    const { org, owner } = await orgWithOwner();
    const agent = await addMemberWithPassword(org.organizationId, "agent");
    const agentCaller = callerFor(agent.userId, org.organizationId);
    // No terms published: nothing to accept.
    await expect(agentCaller.tags.list()).resolves.toBeDefined();

    await owner.legal.saveEncarregado(encarregado);
    const v1 = await owner.legal.documents.publish({
      documentId: (await owner.legal.documents.saveDraft({ kind: "terms" })).id,
    });
    // The owner who published is asked too: acceptance is per person.
    await expect(agentCaller.tags.list()).rejects.toMatchObject({ cause: { reason: "termsAcceptanceRequired" } });
    await expect(owner.tags.list()).rejects.toMatchObject({ cause: { reason: "termsAcceptanceRequired" } });

    const status = await agentCaller.legal.termsStatus();
    expect(status).toMatchObject({ accepted: false, current: { documentId: v1.id, version: 1 } });
    const withIp = callerFor(agent.userId, org.organizationId);
    const acceptance = await (
      await import("~/server/api/root")
    )
      .createCaller({
        identity: { userId: agent.userId, organizationId: org.organizationId },
        requestId: "test",
        clientIp: "203.0.113.7",
      })
      .legal.acceptTerms({ documentId: v1.id });
    expect(acceptance.version).toBe(1);
    await expect(withIp.tags.list()).resolves.toBeDefined();
    const row = await withOrganization(org.organizationId, (tx) =>
      tx.termsAcceptance.findFirstOrThrow({ where: { userId: agent.userId } }),
    );
    expect(row).toMatchObject({ version: 1, ipAddress: "203.0.113.7", documentId: v1.id });
    expect(Date.now() - row.acceptedAt.getTime()).toBeLessThan(60_000);

    // A new version: asked again; accepting the old one is refused.
    await owner.legal.acceptTerms({ documentId: v1.id });
    const v2 = await owner.legal.documents.publish({
      documentId: (
        await owner.legal.documents.saveDraft({ kind: "terms", body: "# Termos 2\n\nVersão {{version}} dos termos." })
      ).id,
    });
    expect(v2.body).toContain("Versão 2 dos termos.");
    await expect(agentCaller.tags.list()).rejects.toMatchObject({ cause: { reason: "termsAcceptanceRequired" } });
    await expect(agentCaller.legal.acceptTerms({ documentId: v1.id })).rejects.toMatchObject({
      cause: { reason: "termsVersionOutdated" },
    });
    await agentCaller.legal.acceptTerms({ documentId: v2.id });
    await expect(agentCaller.tags.list()).resolves.toBeDefined();
    const audit = await withOrganization(org.organizationId, (tx) =>
      tx.auditLog.findMany({ where: { action: "legal.terms_accepted", actorUserId: agent.userId } }),
    );
    expect(audit).toHaveLength(2);
  });
});

describe("record of processing", () => {
  it("follows the configuration: AI provider and its country, retention, legal bases in use", async () => {
    const { org, owner } = await orgWithOwner();
    // Accept nothing: no terms published in this organization.
    const before = await owner.legal.processingRecord();
    expect(before.processors.map((p) => p.role)).not.toContain("ai_provider");
    expect(before.activities.find((a) => a.purpose === "ai_assistance")!.processors).toEqual([]);
    expect(before.activities.find((a) => a.purpose === "customer_service")!.retention).toContainEqual({
      kind: "messages",
      keepDays: null,
    });

    await withOrganization(org.organizationId, async (tx) => {
      await tx.aiProvider.create({
        data: { organizationId: org.organizationId, baseUrl: "https://api.openai.com/v1", model: "gpt-4o-mini" },
      });
      await tx.organization.update({ where: { id: org.organizationId }, data: { aiExternalTransfer: true } });
    });
    await owner.privacy.retention.save({ kind: "messages", keepDays: 180, enabled: true });
    await owner.legal.saveEncarregado(encarregado);

    const after = await owner.legal.processingRecord();
    expect(after.controller).toMatchObject({ dpoName: encarregado.name, dpoEmail: encarregado.email });
    expect(after.processors.find((p) => p.role === "ai_provider")).toEqual({
      role: "ai_provider",
      name: "gpt-4o-mini",
      host: "api.openai.com",
      country: "US",
      internationalTransfer: true,
      active: true,
    });
    const gateway = after.processors.find((p) => p.role === "whatsapp_gateway")!;
    expect(gateway.host).toBe(new URL(env().evolution.url).hostname);
    expect(after.activities.find((a) => a.purpose === "ai_assistance")!.processors).toEqual(["ai_provider"]);
    expect(after.activities.find((a) => a.purpose === "customer_service")!.retention).toContainEqual({
      kind: "messages",
      keepDays: 180,
    });

    // The published privacy policy names the processors and the retention, in the organization's words.
    const policy = await owner.legal.documents.publish({
      documentId: (await owner.legal.documents.saveDraft({ kind: "privacy_policy" })).id,
    });
    expect(policy.body).toContain("api.openai.com (Estados Unidos) — transferência internacional");
    expect(policy.body).toContain("Mensagens: 180 dias");
    expect(policy.body).toContain("dpo@loja.example");
  });
});

describe("incident register", () => {
  it("counts three business days over Christmas and reminds before and after the due time", async () => {
    const { org, owner } = await orgWithOwner();
    await owner.legal.saveEncarregado(encarregado);
    // Wednesday 23 Dec 2026, 10:00 in São Paulo: Thu 24, (Fri 25 Christmas, weekend), Mon 28, Tue 29.
    const incident = await owner.legal.incidents.register({
      description: "Planilha de contatos enviada por engano a um fornecedor.",
      detectedAt: "2026-12-23T10:00:00-03:00",
      dataCategories: ["identification", "contact"],
      affectedCount: 240,
      measures: "Fornecedor confirmou a exclusão; acesso revisto.",
    });
    expect(incident.noticeDueAt).toBe("2026-12-30T02:59:59.999Z");
    const keepUntil = new Date(incident.keepUntil);
    expect(keepUntil.getUTCFullYear() - new Date().getUTCFullYear()).toBe(5);

    const remind = (at: string) => remindIncidentNotices({ organizationId: org.organizationId }, new Date(at));
    expect(await remind("2026-12-28T12:00:00Z")).toBe(0); // more than a day left
    expect(await remind("2026-12-29T12:00:00Z")).toBe(1); // due soon
    expect(await remind("2026-12-29T13:00:00Z")).toBe(0); // already reminded
    expect(await remind("2026-12-30T12:00:00Z")).toBe(1); // overdue
    const actions = await withOrganization(org.organizationId, (tx) =>
      tx.auditLog.findMany({
        where: { targetId: incident.id },
        orderBy: { createdAt: "asc" },
        select: { action: true },
      }),
    );
    expect(actions.map((a) => a.action)).toEqual([
      "legal.incident_registered",
      "legal.incident_notice_due_soon",
      "legal.incident_notice_overdue",
    ]);

    const notice = await owner.legal.incidents.notice({ incidentId: incident.id, audience: "anpd" });
    expect(notice.text).toContain("Planilha de contatos enviada por engano");
    expect(notice.text).toContain("identificação, contato");
    expect(notice.text).toContain("240");
    expect(notice.text).toContain("Dora Encarregada — dpo@loja.example");
    expect(notice.text).toContain("29/12/2026 23:59");
    const subjects = await owner.legal.incidents.notice({ incidentId: incident.id, audience: "subjects" });
    expect(subjects.text).toContain("dpo@loja.example");

    const notified = await owner.legal.incidents.recordNotice({ incidentId: incident.id, audience: "anpd" });
    expect(notified).toMatchObject({ status: "notified", clock: "notified" });
    expect(await remind("2026-12-31T12:00:00Z")).toBe(0);

    // Kept five years: retention or a stray delete cannot remove it.
    await expect(withOrganization(org.organizationId, (tx) => tx.securityIncident.deleteMany({}))).rejects.toThrow(
      /five years/,
    );
    expect(await owner.legal.incidents.list()).toHaveLength(1);
  });
});
