import { describe, expect, it } from "vitest";
import { env } from "~/env";
import { withOrganization } from "~/server/db/tenant";
import { exportAuditCsv } from "~/server/domain/audit/export-audit-csv";
import { verifyCredentials } from "~/server/domain/auth/verify-credentials";
import { startSession } from "~/server/domain/sessions/start-session";
import { addMemberWithPassword, callerFor, makeOrganization, TEST_PASSWORD } from "../support/factory";
import { signInOverHttp } from "../support/http-session";
import { baseUrl } from "../support/test-env";

const limits = { maxFailuresPerAccount: 50, maxFailuresPerIp: 50, windowMinutes: 15 };

const facts = (organizationId: string) =>
  withOrganization(organizationId, async (tx) => ({
    audit: (await tx.auditLog.findMany({ select: { action: true } })).map((a) => a.action),
    alerts: (await tx.alertNotification.findMany({ select: { kind: true, params: true } })).map((a) => a.kind),
  }));

/** `count` contacts with distinct phones, created directly: the test is about who exports or erases them. */
async function makeContacts(organizationId: string, count: number): Promise<string[]> {
  const stamp = String(Date.now()).slice(-6);
  return withOrganization(organizationId, async (tx) => {
    const rows = Array.from({ length: count }, (_, i) => ({
      organizationId,
      name: `Pessoa ${i}`,
      phoneE164: `+5531${stamp}${String(i).padStart(3, "0")}`,
    }));
    return (await tx.contact.createManyAndReturn({ data: rows, select: { id: true } })).map((c) => c.id);
  });
}

/** An export route as the browser calls it: the status and, when refused, the published reason. */
async function download(cookie: string, route: string): Promise<{ status: number; reason?: string }> {
  const response = await fetch(`${baseUrl}${route}`, { headers: { cookie } });
  if (response.ok) {
    await response.arrayBuffer();
    return { status: response.status };
  }
  const body = (await response.json()) as { reason?: string };
  return { status: response.status, reason: body.reason };
}

describe("member holds", () => {
  it("mass LGPD exports (contact data ZIPs and contact CSVs, one count) over HTTP: the next is held until confirmed", async () => {
    const org = await makeOrganization();
    const admin = await addMemberWithPassword(org.organizationId, "admin");
    const [contactId] = await makeContacts(org.organizationId, 1);
    const cookie = await signInOverHttp(admin.email, TEST_PASSWORD);
    const dsrExport = `/api/privacy/contacts/${contactId}/export`;
    const csvExport = `/api/contacts/export?filter=${encodeURIComponent("{}")}`;
    const limit = env().MEMBER_EXPORTS_PER_WINDOW;
    for (let i = 0; i < limit; i++)
      expect(await download(cookie, i % 2 ? csvExport : dsrExport)).toEqual({ status: 200 });
    expect(await download(cookie, dsrExport)).toEqual({ status: 403, reason: "memberActionHeld" });
    expect(await download(cookie, csvExport)).toEqual({ status: 403, reason: "memberActionHeld" });

    const seen = await facts(org.organizationId);
    expect(seen.alerts).toEqual(["member_action_held"]);
    expect(seen.audit).toContain("member.hold_placed");
    // The refused exports left no export entry: only the allowed ones did.
    const exported = seen.audit.filter((a) => a === "privacy.contact_exported" || a === "contacts.exported");
    expect(exported).toHaveLength(limit);

    const owner = callerFor(org.ownerId, org.organizationId);
    const [hold] = await owner.members.holds();
    expect(hold).toMatchObject({ userId: admin.userId, kind: "export", observed: limit + 1 });
    expect(await owner.members.confirmHold({ holdId: hold!.id })).toEqual({ confirmed: true });
    expect(await download(cookie, dsrExport)).toEqual({ status: 200 });
    expect(await download(cookie, csvExport)).toEqual({ status: 200 });
  }, 120_000);

  it("mass erasure by one admin: past the deletion limit the next erasure is held, the contact kept, until confirmed", async () => {
    const org = await makeOrganization();
    const admin = await addMemberWithPassword(org.organizationId, "admin");
    const limit = env().MEMBER_DELETIONS_PER_WINDOW;
    const contacts = await makeContacts(org.organizationId, limit + 2);
    const eraser = callerFor(admin.userId, org.organizationId);
    for (const contactId of contacts.slice(0, limit)) await eraser.privacy.eraseContact({ contactId });
    const spared = contacts[limit]!;
    await expect(eraser.privacy.eraseContact({ contactId: spared })).rejects.toMatchObject({
      code: "FORBIDDEN",
      cause: expect.objectContaining({ reason: "memberActionHeld", params: { action: "deletion" } }),
    });
    const left = () =>
      withOrganization(org.organizationId, (tx) => tx.contact.count({ where: { id: { in: contacts } } }));
    expect(await left()).toBe(2);

    const seen = await facts(org.organizationId);
    expect(seen.alerts).toEqual(["member_action_held"]);
    expect(seen.audit.filter((a) => a === "member.hold_placed")).toHaveLength(1);

    const owner = callerFor(org.ownerId, org.organizationId);
    const [hold] = await owner.members.holds();
    expect(hold).toMatchObject({ userId: admin.userId, kind: "deletion", observed: limit + 1, threshold: limit });
    await owner.members.confirmHold({ holdId: hold!.id });
    await eraser.privacy.eraseContact({ contactId: spared });
    expect(await left()).toBe(1);
  }, 300_000);

  it("holds a member's exports past the window's limit until another admin confirms; other organizations go on", async () => {
    const org = await makeOrganization();
    const other = await makeOrganization();
    const admin = await addMemberWithPassword(org.organizationId, "admin");
    const actor = { userId: admin.userId, organizationId: org.organizationId, role: "admin" as const };
    const limit = env().MEMBER_EXPORTS_PER_WINDOW;
    for (let i = 0; i < limit; i++) await exportAuditCsv(actor, { filter: {} });
    await expect(exportAuditCsv(actor, { filter: {} })).rejects.toMatchObject({ reason: "memberActionHeld" });
    // Still held: refused without counting again.
    await expect(exportAuditCsv(actor, { filter: {} })).rejects.toMatchObject({ reason: "memberActionHeld" });

    const seen = await facts(org.organizationId);
    expect(seen.audit).toContain("member.hold_placed");
    expect(seen.alerts).toEqual(["member_action_held"]);

    // Another organization's owner exports normally.
    const otherOwner = { userId: other.ownerId, organizationId: other.organizationId, role: "owner" as const };
    await expect(exportAuditCsv(otherOwner, { filter: {} })).resolves.toMatchObject({ csv: expect.any(String) });

    const holds = await callerFor(org.ownerId, org.organizationId).members.holds();
    expect(holds).toHaveLength(1);
    expect(holds[0]).toMatchObject({ userId: admin.userId, kind: "export", observed: limit + 1, expiresAt: null });
    // Nobody confirms their own hold.
    await expect(
      callerFor(admin.userId, org.organizationId).members.confirmHold({ holdId: holds[0]!.id }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await callerFor(org.ownerId, org.organizationId).members.confirmHold({ holdId: holds[0]!.id })).toEqual({
      confirmed: true,
    });
    expect((await facts(org.organizationId)).audit).toContain("member.hold_confirmed");
    await expect(exportAuditCsv(actor, { filter: {} })).resolves.toMatchObject({ csv: expect.any(String) });
    expect(await callerFor(org.ownerId, org.organizationId).members.holds()).toHaveLength(0);
  });

  it("a sole owner's hold lifts after the cool-down instead of waiting for a confirmation nobody can give", async () => {
    const org = await makeOrganization();
    const owner = { userId: org.ownerId, organizationId: org.organizationId, role: "owner" as const };
    for (let i = 0; i < env().MEMBER_EXPORTS_PER_WINDOW; i++) await exportAuditCsv(owner, { filter: {} });
    await expect(exportAuditCsv(owner, { filter: {} })).rejects.toMatchObject({ reason: "memberActionHeld" });
    const [hold] = await callerFor(org.ownerId, org.organizationId).members.holds();
    expect(hold!.expiresAt!.getTime() - hold!.createdAt.getTime()).toBe(env().MEMBER_HOLD_COOLDOWN_MINUTES * 60_000);
  });

  it("holds an account that signs in from too many addresses: sessions end, sign-in refused until an admin confirms", async () => {
    const org = await makeOrganization();
    const agent = await addMemberWithPassword(org.organizationId, "agent");
    const signIn = async (ip: string) => {
      const user = await verifyCredentials({ email: agent.email, password: TEST_PASSWORD, ip, limits });
      return startSession({ ...user, ip, userAgent: "test", maxAgeSeconds: 3600 });
    };
    const max = env().SIGN_IN_MAX_DISTINCT_IPS;
    for (let i = 0; i < max; i++) await signIn(`203.0.113.${i + 1}`);
    // The same addresses again are not new ones.
    await signIn("203.0.113.1");
    await expect(signIn("198.51.100.7")).rejects.toMatchObject({ reason: "signInHeld" });
    await expect(signIn("203.0.113.1")).rejects.toMatchObject({ reason: "signInHeld" });

    const seen = await withOrganization(org.organizationId, async (tx) => ({
      open: await tx.userSession.count({ where: { userId: agent.userId, revokedAt: null } }),
      alerts: await tx.alertNotification.findMany({ select: { kind: true, params: true } }),
      audit: (await tx.auditLog.findMany({ select: { action: true } })).map((a) => a.action),
    }));
    expect(seen.open).toBe(0);
    expect(seen.alerts).toEqual([expect.objectContaining({ kind: "sign_in_held" })]);
    expect(seen.alerts[0]!.params).toMatchObject({ observed: max + 1, threshold: max });
    expect(seen.audit).toContain("member.hold_placed");

    const [hold] = await callerFor(org.ownerId, org.organizationId).members.holds();
    expect(hold).toMatchObject({ kind: "sign_in", userId: agent.userId });
    await callerFor(org.ownerId, org.organizationId).members.confirmHold({ holdId: hold!.id });
    await expect(signIn("198.51.100.7")).resolves.toEqual(expect.any(String));
  });
});
