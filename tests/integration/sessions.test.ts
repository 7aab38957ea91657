import { encode } from "next-auth/jwt";
import type { Socket } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import { env } from "~/env";
import { db } from "~/server/db/client";
import { withOrganization } from "~/server/db/tenant";
import { addMemberWithPassword, callerFor, makeOrganization, TEST_PASSWORD } from "../support/factory";
import { signInOverHttp, trpcMutation, trpcQuery } from "../support/http-session";
import { closeSockets, connectSocket } from "../support/socket-client";

afterEach(closeSockets);
const connect = connectSocket;

const disconnected = (socket: Socket) =>
  new Promise<string>((resolve) => socket.once("disconnect", (reason) => resolve(reason)));

interface ListedSession {
  sessionId: string;
  ip: string | null;
  userAgent: string | null;
  current: boolean;
}

const auditActions = (organizationId: string) =>
  withOrganization(organizationId, async (tx) =>
    (await tx.auditLog.findMany({ orderBy: { createdAt: "asc" }, select: { action: true } })).map((a) => a.action),
  );

describe("sessions", () => {
  it("lists the person's sessions with device and address, and revoking one ends it and its sockets at once", async () => {
    const org = await makeOrganization();
    const first = await signInOverHttp(org.ownerEmail, TEST_PASSWORD);
    const second = await signInOverHttp(org.ownerEmail, TEST_PASSWORD);
    const secondSocket = await connect(second);

    const listed = await trpcQuery(first, "account.sessions");
    expect(listed.status).toBe(200);
    const sessions = listed.data as ListedSession[];
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    expect(sessions.every((s) => s.ip && s.ip !== "unknown" && s.userAgent)).toBe(true);
    const other = sessions.find((s) => !s.current)!;

    const ended = disconnected(secondSocket);
    const revoked = await trpcMutation(first, "account.revokeSession", { sessionId: other.sessionId });
    expect(revoked.body.result?.data.json).toEqual({ revoked: 1 });
    expect(await ended).toBe("io server disconnect");
    expect((await trpcQuery(second, "instances.list")).status).toBe(401);
    expect((await trpcQuery(first, "instances.list")).status).toBe(200);
    await expect(connect(second)).rejects.toThrow(/unauthorized/);

    // The current session is ended by signing out, not from the list.
    const current = sessions.find((s) => s.current)!;
    const refused = await trpcMutation(first, "account.revokeSession", { sessionId: current.sessionId });
    expect(refused.status).toBe(409);
    expect(await auditActions(org.organizationId)).toEqual(
      expect.arrayContaining(["session.started", "session.revoked"]),
    );
  });

  it("removing a member ends their sessions and open sockets in that organization at once", async () => {
    const org = await makeOrganization();
    const agent = await addMemberWithPassword(org.organizationId, "agent");
    const cookie = await signInOverHttp(agent.email, TEST_PASSWORD);
    const socket = await connect(cookie);
    expect((await trpcQuery(cookie, "instances.list")).status).toBe(200);

    const ended = disconnected(socket);
    await callerFor(org.ownerId, org.organizationId).members.remove({ membershipId: agent.membershipId });
    expect(await ended).toBe("io server disconnect");
    expect((await trpcQuery(cookie, "instances.list")).status).toBe(401);
    const sessions = await withOrganization(org.organizationId, (tx) =>
      tx.userSession.findMany({ where: { userId: agent.userId } }),
    );
    expect(sessions.length).toBeGreaterThan(0);
    expect(sessions.every((s) => s.revokedAt !== null)).toBe(true);
  });

  it("a validly signed token that names no active session gets nothing", async () => {
    const org = await makeOrganization();
    const claims = { sub: org.ownerId, organizationId: org.organizationId };
    const secret = env().AUTH_SECRET!;
    const withoutSession = await encode({ token: claims, secret });
    const unknownSession = await encode({ token: { ...claims, sid: crypto.randomUUID() }, secret });
    for (const token of [withoutSession, unknownSession]) {
      const cookie = `next-auth.session-token=${token}`;
      expect((await trpcQuery(cookie, "instances.list")).status).toBe(401);
      await expect(connect(cookie)).rejects.toThrow(/unauthorized/);
    }
  });
});

describe("password change", () => {
  it("needs the current password, ends the other sessions, keeps this one, and is audited", async () => {
    const org = await makeOrganization();
    const here = await signInOverHttp(org.ownerEmail, TEST_PASSWORD);
    const elsewhere = await signInOverHttp(org.ownerEmail, TEST_PASSWORD);
    const newPassword = "a-much-longer-new-password";

    const wrong = await trpcMutation(here, "account.changePassword", { currentPassword: "nope", newPassword });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error?.json.data).toMatchObject({
      reason: "currentPasswordIncorrect",
      fieldErrors: { currentPassword: [{ reason: "currentPasswordIncorrect" }] },
    });
    const short = await trpcMutation(here, "account.changePassword", {
      currentPassword: TEST_PASSWORD,
      newPassword: "short",
    });
    expect(short.status).toBe(422);
    expect(short.body.error?.json.data).toMatchObject({ fieldErrors: { newPassword: [{ reason: "too_small" }] } });

    const changed = await trpcMutation(here, "account.changePassword", { currentPassword: TEST_PASSWORD, newPassword });
    expect(changed.body.result?.data.json).toEqual({ endedSessions: 1 });
    expect((await trpcQuery(here, "instances.list")).status).toBe(200);
    expect((await trpcQuery(elsewhere, "instances.list")).status).toBe(401);
    await expect(signInOverHttp(org.ownerEmail, TEST_PASSWORD)).rejects.toThrow(/sign-in failed/);
    await expect(signInOverHttp(org.ownerEmail, newPassword)).resolves.toContain("session-token=");
    expect(await auditActions(org.organizationId)).toContain("account.password_changed");
  });

  it("a generated first password (first run) must be replaced after the first sign-in", async () => {
    const org = await makeOrganization();
    const owner = callerFor(org.ownerId, org.organizationId);
    const added = await addMemberWithPassword(org.organizationId, "agent");
    await db().user.update({ where: { id: added.userId }, data: { mustChangePassword: true } });
    const cookie = await signInOverHttp(added.email, TEST_PASSWORD);
    expect((await trpcQuery(cookie, "account.me")).data).toMatchObject({ mustChangePassword: true });
    await trpcMutation(cookie, "account.changePassword", {
      currentPassword: TEST_PASSWORD,
      newPassword: "bia-chose-this-one",
    });
    expect((await trpcQuery(cookie, "account.me")).data).toMatchObject({ mustChangePassword: false });
    expect((await owner.account.me()).mustChangePassword).toBe(false);
  });
});
