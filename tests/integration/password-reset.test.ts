import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "~/server/api/root";
import { db } from "~/server/db/client";
import { withOrganization } from "~/server/db/tenant";
import { addMemberWithPassword, callerFor, makeOrganization, TEST_PASSWORD, uniqueEmail } from "../support/factory";
import { signInOverHttp, trpcQuery } from "../support/http-session";
import { linkIn, smtpInbox } from "../support/smtp-inbox";

const visitor = createCaller({ identity: null, requestId: "test", clientIp: "203.0.113.10" });
const tokenOf = (link: string) => link.split("/reset-password/")[1]!;
const codeOf = (error: unknown) => ((error as TRPCError).cause as { reason?: string } | undefined)?.reason;

describe("password reset", () => {
  const inbox = smtpInbox();
  beforeAll(() => inbox.start());
  afterAll(() => inbox.stop());

  it("'forgot my password' e-mails a one-hour link; using it sets the password and ends every session, once", async () => {
    const org = await makeOrganization();
    const member = await addMemberWithPassword(org.organizationId, "agent");
    const first = await signInOverHttp(member.email, TEST_PASSWORD);
    const second = await signInOverHttp(member.email, TEST_PASSWORD);
    expect((await trpcQuery(first, "instances.list")).status).toBe(200);

    await expect(visitor.access.requestPasswordReset({ email: member.email.toUpperCase() })).resolves.toBeUndefined();
    const mail = await inbox.waitFor(member.email);
    const link = linkIn(mail.text, "/reset-password");
    expect(mail.subject).toMatch(/senha/i);
    const stored = await db().passwordReset.findMany({ where: { userId: member.userId } });
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(tokenOf(link));
    const minutes = (stored[0]!.expiresAt.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(59);
    expect(minutes).toBeLessThanOrEqual(60);

    const result = await visitor.access.resetPassword({ token: tokenOf(link), newPassword: "a-brand-new-password" });
    expect(result).toEqual({ endedSessions: 2 });
    expect((await trpcQuery(first, "instances.list")).status).toBe(401);
    expect((await trpcQuery(second, "instances.list")).status).toBe(401);
    await expect(signInOverHttp(member.email, TEST_PASSWORD)).rejects.toThrow(/sign-in failed/);
    await expect(signInOverHttp(member.email, "a-brand-new-password")).resolves.toContain("session-token=");

    const reused = await visitor.access
      .resetPassword({ token: tokenOf(link), newPassword: "yet-another-password" })
      .catch((e: unknown) => e);
    expect(codeOf(reused)).toBe("resetLinkUsed");
    const audit = await withOrganization(org.organizationId, (tx) =>
      tx.auditLog.findMany({ where: { targetId: member.userId }, orderBy: { createdAt: "asc" } }),
    );
    expect(audit.map((a) => a.action)).toEqual(["password_reset.requested", "password_reset.completed"]);
    expect(audit[1]!.metadata).toMatchObject({ endedSessions: 2 });
  });

  it("answers the same for an unknown e-mail, and sends nothing", async () => {
    const email = uniqueEmail("nobody");
    await expect(visitor.access.requestPasswordReset({ email })).resolves.toBeUndefined();
    await expect(inbox.waitFor(email, 1000)).rejects.toThrow(/no mail/);
  });

  it("an expired link is refused; an admin issues a link by hand; a new link kills the older ones", async () => {
    const org = await makeOrganization();
    const owner = callerFor(org.ownerId, org.organizationId);
    const member = await addMemberWithPassword(org.organizationId, "agent");
    const issued = await owner.members.issuePasswordReset({ membershipId: member.membershipId });
    expect(issued.link).toContain("/reset-password/");
    expect((issued.expiresAt.getTime() - Date.now()) / 3_600_000).toBeGreaterThan(23.9);
    const spare = await owner.members.issuePasswordReset({ membershipId: member.membershipId });

    await db().passwordReset.updateMany({
      where: { userId: member.userId, tokenHash: { not: "" } },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const expired = await visitor.access
      .resetPassword({ token: tokenOf(issued.link), newPassword: "too-late-password" })
      .catch((e: unknown) => e);
    expect(codeOf(expired)).toBe("resetLinkExpired");

    const fresh = await owner.members.issuePasswordReset({ membershipId: member.membershipId });
    await visitor.access.resetPassword({ token: tokenOf(fresh.link), newPassword: "handed-over-password" });
    await expect(signInOverHttp(member.email, "handed-over-password")).resolves.toContain("session-token=");
    expect(
      codeOf(
        await visitor.access
          .resetPassword({ token: tokenOf(spare.link), newPassword: "x-long-password" })
          .catch((e: unknown) => e),
      ),
    ).toBe("resetLinkUsed");
    expect(
      codeOf(
        await visitor.access
          .resetPassword({ token: "not-a-real-token-at-all-xx", newPassword: "x-long-password" })
          .catch((e: unknown) => e),
      ),
    ).toBe("resetLinkInvalid");

    // Agents cannot issue links; an admin cannot for an owner; another organization's member is not found.
    await expect(
      callerFor(member.userId, org.organizationId).members.issuePasswordReset({ membershipId: member.membershipId }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const admin = await addMemberWithPassword(org.organizationId, "admin");
    const ownerMembership = (await owner.members.list()).find((m) => m.userId === org.ownerId)!;
    await expect(
      callerFor(admin.userId, org.organizationId).members.issuePasswordReset({
        membershipId: ownerMembership.membershipId,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const stranger = await makeOrganization();
    await expect(
      callerFor(stranger.ownerId, stranger.organizationId).members.issuePasswordReset({
        membershipId: member.membershipId,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a reset does not bypass the second factor", async () => {
    const { generate } = await import("otplib");
    const org = await makeOrganization();
    const owner = callerFor(org.ownerId, org.organizationId);
    const { secret } = await owner.account.startTwoFactor();
    await owner.account.confirmTwoFactor({ code: await generate({ secret }) });
    const admin = await addMemberWithPassword(org.organizationId, "owner");
    const ownerMembership = (await owner.members.list()).find((m) => m.userId === org.ownerId)!;
    const issued = await callerFor(admin.userId, org.organizationId).members.issuePasswordReset({
      membershipId: ownerMembership.membershipId,
    });
    await visitor.access.resetPassword({ token: tokenOf(issued.link), newPassword: "reset-but-still-2fa" });
    await expect(signInOverHttp(org.ownerEmail, "reset-but-still-2fa")).rejects.toThrow(/second_factor_required/);
  });
});
