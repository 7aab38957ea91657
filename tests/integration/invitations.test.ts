import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "~/server/api/root";
import { withOrganization } from "~/server/db/tenant";
import { addMemberWithPassword, callerFor, makeOrganization, TEST_PASSWORD, uniqueEmail } from "../support/factory";
import { signInOverHttp, trpcMutation, trpcQuery } from "../support/http-session";
import { linkIn, smtpInbox } from "../support/smtp-inbox";

/** Someone holding a link, not signed in. */
const visitor = createCaller({ identity: null, requestId: "test", clientIp: "203.0.113.9" });
const tokenOf = (link: string) => link.split("/invite/")[1]!;
const codeOf = (error: unknown) => ((error as TRPCError).cause as { reason?: string } | undefined)?.reason;

async function auditActions(organizationId: string) {
  const rows = await withOrganization(organizationId, (tx) =>
    tx.auditLog.findMany({ where: { action: { startsWith: "invitation." } }, orderBy: { createdAt: "asc" } }),
  );
  return rows.map((r) => r.action);
}

describe("invitations by link", () => {
  const inbox = smtpInbox();
  beforeAll(() => inbox.start());
  afterAll(() => inbox.stop());

  it("a new person opens the e-mailed link, chooses name and password, signs in as a member; the link then is spent", async () => {
    const org = await makeOrganization("Loja Convite");
    const owner = callerFor(org.ownerId, org.organizationId);
    const email = uniqueEmail("invitee");
    const invited = await owner.members.invite({ email: email.toUpperCase(), role: "agent" });
    expect(invited.emailed).toBe(true);
    expect(invited.invitation).toMatchObject({ email, role: "agent", invitedByName: "Owner", expired: false });
    const days = (invited.invitation.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
    expect((await owner.members.invitations()).map((i) => i.email)).toEqual([email]);

    const mail = await inbox.waitFor(email);
    expect(mail.subject).toContain("Loja Convite");
    expect(linkIn(mail.text, "/invite")).toBe(invited.link);
    // Only the hash is stored: the token from the link is nowhere in the table.
    const stored = await withOrganization(org.organizationId, (tx) => tx.invitation.findMany());
    expect(JSON.stringify(stored)).not.toContain(tokenOf(invited.link));

    const token = tokenOf(invited.link);
    expect(await visitor.access.previewInvitation({ token })).toMatchObject({
      organizationName: "Loja Convite",
      email,
      role: "agent",
      hasAccount: false,
    });
    await visitor.access.acceptInvitation({ token, name: "Nina Prado", password: "nina-long-password" });
    const members = await owner.members.list();
    expect(members.find((m) => m.email === email)).toMatchObject({ name: "Nina Prado", role: "agent" });
    await expect(signInOverHttp(email, "nina-long-password")).resolves.toContain("session-token=");

    const again = await visitor.access
      .acceptInvitation({ token, name: "Outra Pessoa", password: "another-password" })
      .catch((e: unknown) => e);
    expect(codeOf(again)).toBe("invitationUsed");
    expect(codeOf(await visitor.access.previewInvitation({ token }).catch((e: unknown) => e))).toBe("invitationUsed");
    expect(await owner.members.invitations()).toEqual([]);
    expect(await auditActions(org.organizationId)).toEqual(["invitation.created", "invitation.accepted"]);
  });

  it("an expired link is refused, and resending gives a new week while the old link dies", async () => {
    const org = await makeOrganization();
    const owner = callerFor(org.ownerId, org.organizationId);
    const invited = await owner.members.invite({ email: uniqueEmail("late"), role: "agent" });
    await withOrganization(org.organizationId, (tx) =>
      tx.invitation.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } }),
    );
    const expired = await visitor.access
      .acceptInvitation({ token: tokenOf(invited.link), name: "Tarde Demais", password: "late-long-password" })
      .catch((e: unknown) => e);
    expect(codeOf(expired)).toBe("invitationExpired");
    expect((await owner.members.invitations())[0]).toMatchObject({ expired: true });

    const resent = await owner.members.resendInvitation({ invitationId: invited.invitation.invitationId });
    expect(resent.link).not.toBe(invited.link);
    expect(resent.invitation.expired).toBe(false);
    expect(
      codeOf(await visitor.access.previewInvitation({ token: tokenOf(invited.link) }).catch((e: unknown) => e)),
    ).toBe("invitationInvalid");
    await visitor.access.acceptInvitation({
      token: tokenOf(resent.link),
      name: "Agora Sim",
      password: "now-long-password",
    });

    const revoked = await owner.members.invite({ email: uniqueEmail("revoked"), role: "agent" });
    await owner.members.revokeInvitation({ invitationId: revoked.invitation.invitationId });
    expect(
      codeOf(await visitor.access.previewInvitation({ token: tokenOf(revoked.link) }).catch((e: unknown) => e)),
    ).toBe("invitationInvalid");
    expect(await auditActions(org.organizationId)).toEqual([
      "invitation.created",
      "invitation.resent",
      "invitation.accepted",
      "invitation.created",
      "invitation.revoked",
    ]);
  });

  it("an e-mail that already has an account joins only when its owner signs in as it and accepts", async () => {
    const home = await makeOrganization("Casa");
    const existing = await addMemberWithPassword(home.organizationId, "agent");
    const other = await makeOrganization("Loja Nova");
    const owner = callerFor(other.ownerId, other.organizationId);
    const invited = await owner.members.invite({ email: existing.email, role: "admin" });
    const token = tokenOf(invited.link);

    expect(await visitor.access.previewInvitation({ token })).toMatchObject({ hasAccount: true });
    // Whoever holds the link cannot set a password on that account, nor attach it.
    const hijack = await visitor.access
      .acceptInvitation({ token, name: "Invasor", password: "attacker-password" })
      .catch((e: unknown) => e);
    expect(codeOf(hijack)).toBe("invitationNeedsSignIn");
    await expect(signInOverHttp(existing.email, "attacker-password")).rejects.toThrow(/sign-in failed/);
    expect((await owner.members.list()).map((m) => m.email)).not.toContain(existing.email);

    // Signed in as another account: refused.
    const stranger = await addMemberWithPassword(home.organizationId, "agent");
    const strangerCookie = await signInOverHttp(stranger.email, TEST_PASSWORD);
    const wrong = await trpcMutation(strangerCookie, "access.acceptInvitationSignedIn", { token });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error?.json.data).toMatchObject({ reason: "invitationForAnotherAccount" });

    // Not signed in at all: refused.
    expect((await trpcMutation("", "access.acceptInvitationSignedIn", { token })).status).toBe(401);

    const cookie = await signInOverHttp(existing.email, TEST_PASSWORD);
    const accepted = await trpcMutation(cookie, "access.acceptInvitationSignedIn", { token });
    expect(accepted.status).toBe(200);
    expect(accepted.body.result?.data.json).toEqual({ organizationId: other.organizationId, email: existing.email });
    expect((await owner.members.list()).find((m) => m.email === existing.email)).toMatchObject({ role: "admin" });
    const mine = (await trpcQuery(cookie, "organization.mine")).data as { id: string }[];
    expect(mine.map((o) => o.id).sort()).toEqual([home.organizationId, other.organizationId].sort());
  });

  it("only admins invite; an admin cannot invite an owner; a member or a pending e-mail is refused", async () => {
    const org = await makeOrganization();
    const agent = await addMemberWithPassword(org.organizationId, "agent");
    const admin = await addMemberWithPassword(org.organizationId, "admin");
    await expect(
      callerFor(agent.userId, org.organizationId).members.invite({ email: uniqueEmail(), role: "agent" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(agent.userId, org.organizationId).members.invitations()).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      callerFor(admin.userId, org.organizationId).members.invite({ email: uniqueEmail(), role: "owner" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const owner = callerFor(org.ownerId, org.organizationId);
    expect(codeOf(await owner.members.invite({ email: agent.email, role: "agent" }).catch((e: unknown) => e))).toBe(
      "alreadyMember",
    );
    const email = uniqueEmail("twice");
    await owner.members.invite({ email, role: "agent" });
    expect(codeOf(await owner.members.invite({ email, role: "agent" }).catch((e: unknown) => e))).toBe(
      "invitationPending",
    );
    // Another organization cannot see, resend or revoke it.
    const stranger = await makeOrganization();
    const theirs = callerFor(stranger.ownerId, stranger.organizationId);
    expect(await theirs.members.invitations()).toEqual([]);
    const [pending] = await owner.members.invitations();
    await expect(theirs.members.revokeInvitation({ invitationId: pending!.invitationId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(theirs.members.resendInvitation({ invitationId: pending!.invitationId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
