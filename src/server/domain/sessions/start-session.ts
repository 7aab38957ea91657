import { randomUUID } from "node:crypto";
import { withOrganization } from "../../db/tenant";
import { recordAudit } from "../audit/record-audit";

export interface StartSessionInput {
  userId: string;
  organizationId: string;
  ip: string;
  userAgent: string | null;
  maxAgeSeconds: number;
}

/** Opens the server-side row a new sign-in's JWT will name; returns its id. */
export async function startSession(input: StartSessionInput): Promise<string> {
  const id = randomUUID();
  await withOrganization(input.organizationId, async (tx) => {
    await tx.userSession.create({
      data: {
        id,
        userId: input.userId,
        organizationId: input.organizationId,
        ip: input.ip,
        // Long user agents are trimmed: the list shows a device, not a fingerprint.
        userAgent: input.userAgent?.slice(0, 300) ?? null,
        expiresAt: new Date(Date.now() + input.maxAgeSeconds * 1000),
      },
    });
    await recordAudit(tx, {
      organizationId: input.organizationId,
      actorUserId: input.userId,
      action: "session.started",
      targetType: "session",
      targetId: id,
      metadata: { ip: input.ip },
    });
  });
  return id;
}
