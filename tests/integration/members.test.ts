import { describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { createCaller } from "~/server/api/root";
import { withOrganization } from "~/server/db/tenant";
import { addMemberWithPassword, callerFor, makeOrganization, uniqueEmail } from "../support/factory";

describe("members", () => {
  it("an invited person joins; an admin changes the role and removes them, all audited", async () => {
    const org = await makeOrganization();
    const owner = callerFor(org.ownerId, org.organizationId);
    const email = uniqueEmail("new");
    const invited = await owner.members.invite({ email: email.toUpperCase(), role: "agent" });
    const visitor = createCaller({ identity: null, requestId: "test" });
    await visitor.access.acceptInvitation({
      token: invited.link.split("/invite/")[1]!,
      name: "Ana Souza",
      password: "ana-long-password",
    });
    const added = (await owner.members.list()).find((m) => m.email === email)!;
    expect(added).toMatchObject({ email, role: "agent", name: "Ana Souza" });

    const promoted = await owner.members.changeRole({ membershipId: added.membershipId, role: "admin" });
    expect(promoted.role).toBe("admin");
    await owner.members.remove({ membershipId: added.membershipId });
    expect((await owner.members.list()).map((m) => m.email)).not.toContain(email);

    const audit = await withOrganization(org.organizationId, (tx) =>
      tx.auditLog.findMany({ where: { targetId: added.membershipId }, orderBy: { createdAt: "asc" } }),
    );
    expect(audit.map((a) => a.action)).toEqual(["invitation.accepted", "member.role_changed", "member.removed"]);
    expect(audit.map((a) => a.actorUserId)).toEqual([added.userId, org.ownerId, org.ownerId]);
  });

  it("agents cannot manage members; admins cannot grant ownership; the last owner stays", async () => {
    const org = await makeOrganization();
    const agent = await addMemberWithPassword(org.organizationId, "agent");
    const admin = await addMemberWithPassword(org.organizationId, "admin");
    await expect(
      callerFor(agent.userId, org.organizationId).members.invite({ email: uniqueEmail(), role: "agent" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      callerFor(admin.userId, org.organizationId).members.changeRole({
        membershipId: agent.membershipId,
        role: "owner",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });

    const owner = callerFor(org.ownerId, org.organizationId);
    const ownerMembership = (await owner.members.list()).find((m) => m.userId === org.ownerId)!;
    await expect(
      owner.members.changeRole({ membershipId: ownerMembership.membershipId, role: "agent" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("invalid input comes back as field errors in Portuguese", async () => {
    const org = await makeOrganization();
    const owner = callerFor(org.ownerId, org.organizationId);
    const error = await owner.members.invite({ email: "not-an-email", role: "agent" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    const duplicate = await owner.members.invite({ email: org.ownerEmail, role: "agent" }).catch((e: unknown) => e);
    expect((duplicate as TRPCError).code).toBe("CONFLICT");
  });

  it("organization settings validate the time zone and record the change", async () => {
    const org = await makeOrganization();
    const owner = callerFor(org.ownerId, org.organizationId);
    await expect(owner.organization.update({ name: "Loja Azul", timezone: "Mars/Olympus" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const updated = await owner.organization.update({ name: "Loja Azul", timezone: "America/Manaus" });
    expect(updated).toMatchObject({ name: "Loja Azul", timezone: "America/Manaus" });
    expect(await owner.organization.current()).toMatchObject({ name: "Loja Azul", timezone: "America/Manaus" });
  });
});
