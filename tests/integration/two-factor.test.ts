import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import { withOrganization } from "~/server/db/tenant";
import { addMemberWithPassword, callerFor, makeOrganization, TEST_PASSWORD } from "../support/factory";
import { attemptSignIn, trpcQuery } from "../support/http-session";

/** The code an authenticator app shows `offsetSteps` periods from now. */
const codeAt = (secret: string, offsetSteps = 0) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSteps * 30 });

describe("two-factor sign-in", () => {
  it("enrols with a QR drawn locally; afterwards the password alone gets no session, a code does, once", async () => {
    const org = await makeOrganization();
    const owner = callerFor(org.ownerId, org.organizationId);
    const started = await owner.account.startTwoFactor();
    expect(started.otpauthUri).toMatch(/^otpauth:\/\/totp\/Mirage:.+\?secret=[A-Z2-7]+/);
    expect(started.otpauthUri).toContain("issuer=Mirage");
    expect(started.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);

    // Until confirmed, the factor does not count.
    expect((await attemptSignIn(org.ownerEmail, TEST_PASSWORD)).cookie).not.toBeNull();
    // A code from ten minutes ahead is outside the tolerance.
    await expect(owner.account.confirmTwoFactor({ code: await codeAt(started.secret, 20) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { reason: "twoFactorCodeInvalid" },
    });
    const firstCode = await codeAt(started.secret);
    const { recoveryCodes } = await owner.account.confirmTwoFactor({ code: firstCode });
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect(await owner.account.twoFactorStatus()).toEqual({ enabled: true, recoveryCodesLeft: 10 });
    await expect(owner.account.startTwoFactor()).rejects.toMatchObject({ code: "CONFLICT" });

    const passwordOnly = await attemptSignIn(org.ownerEmail, TEST_PASSWORD);
    expect(passwordOnly).toMatchObject({ cookie: null, error: "second_factor_required" });
    const wrongPasswordWithCode = await attemptSignIn(org.ownerEmail, "wrong-password", {
      code: await codeAt(started.secret, 1),
    });
    expect(wrongPasswordWithCode).toMatchObject({ cookie: null, error: "invalid_credentials" });
    // The code spent on enrolment cannot be replayed.
    expect(await attemptSignIn(org.ownerEmail, TEST_PASSWORD, { code: firstCode })).toMatchObject({
      cookie: null,
      error: "invalid_code",
    });

    const nextCode = await codeAt(started.secret, 1);
    const signedIn = await attemptSignIn(org.ownerEmail, TEST_PASSWORD, { code: nextCode });
    expect(signedIn.cookie).not.toBeNull();
    expect((await trpcQuery(signedIn.cookie!, "instances.list")).status).toBe(200);
    expect((await attemptSignIn(org.ownerEmail, TEST_PASSWORD, { code: nextCode })).error).toBe("invalid_code");

    // A recovery code works once, whatever its case or dashes.
    const recovery = recoveryCodes[0]!;
    const withRecovery = await attemptSignIn(org.ownerEmail, TEST_PASSWORD, { code: recovery.toUpperCase() });
    expect(withRecovery.cookie).not.toBeNull();
    expect((await attemptSignIn(org.ownerEmail, TEST_PASSWORD, { code: recovery })).error).toBe("invalid_code");
    expect(await owner.account.twoFactorStatus()).toEqual({ enabled: true, recoveryCodesLeft: 9 });

    const stored = await withOrganization(org.organizationId, (tx) =>
      tx.user.findUniqueOrThrow({ where: { id: org.ownerId } }),
    );
    expect(stored.totpSecretEncrypted).not.toContain(started.secret);
    expect(stored.recoveryCodeHashes.join()).not.toContain(recoveryCodes[1]!.replace(/-/g, ""));
    const actions = await withOrganization(org.organizationId, async (tx) =>
      (await tx.auditLog.findMany({ select: { action: true } })).map((a) => a.action),
    );
    expect(actions).toEqual(expect.arrayContaining(["two_factor.enrolment_started", "two_factor.enabled"]));
  });

  it("an organization that requires it sends members without it to enrol: nothing else answers", async () => {
    const org = await makeOrganization();
    const agent = await addMemberWithPassword(org.organizationId, "agent");
    const admin = callerFor(org.ownerId, org.organizationId);
    await expect(
      callerFor(agent.userId, org.organizationId).account.setTwoFactorRequirement({ required: true }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await admin.account.setTwoFactorRequirement({ required: true });

    const cookie = (await attemptSignIn(agent.email, TEST_PASSWORD)).cookie!;
    const agentCaller = callerFor(agent.userId, org.organizationId);
    await expect(agentCaller.instances.list()).rejects.toMatchObject({
      code: "FORBIDDEN",
      cause: { reason: "twoFactorEnrolmentRequired" },
    });
    expect((await trpcQuery(cookie, "instances.list")).status).toBe(403);
    expect((await trpcQuery(cookie, "account.me")).status).toBe(200);

    const started = await agentCaller.account.startTwoFactor();
    await agentCaller.account.confirmTwoFactor({ code: await codeAt(started.secret) });
    await expect(agentCaller.instances.list()).resolves.toBeDefined();
  });
});
