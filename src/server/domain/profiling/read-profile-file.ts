import { Readable } from "node:stream";
import { withOrganization, withPlatform } from "../../db/tenant";
import { AppError } from "../../errors";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../members/actor";
import { isPlatformAdmin } from "../members/is-platform-admin";

export interface ProfileFile {
  fileName: string;
  sizeBytes: number;
  body: Readable;
}

/**
 * A recorded profile's file for a platform admin, read piece by piece (never the whole snapshot in memory).
 * Audited: a heap snapshot holds whatever the process had in memory, every organization's data included.
 */
export async function readProfileFile(actor: Actor, input: { profileId: string }): Promise<ProfileFile> {
  if (!(await isPlatformAdmin(actor))) throw new AppError("FORBIDDEN", "platformAdminsOnly");
  const profile = await withOrganization(
    actor.organizationId,
    async (tx) => {
      const found = await tx.processProfile.findUnique({
        where: { id: input.profileId },
        select: {
          id: true,
          target: true,
          kind: true,
          state: true,
          sizeBytes: true,
          startedAt: true,
          _count: { select: { chunks: true } },
        },
      });
      if (!found || found.state !== "done") throw new AppError("NOT_FOUND", "profileNotFound");
      await recordAudit(tx, {
        organizationId: actor.organizationId,
        actorUserId: actor.userId,
        action: "profile.downloaded",
        targetType: "process_profile",
        targetId: found.id,
        metadata: { target: found.target, kind: found.kind },
      });
      return found;
    },
    { platform: true },
  );
  const pieces = profile._count.chunks;
  async function* read() {
    for (let seq = 0; seq < pieces; seq++) {
      const chunk = await withPlatform((tx) =>
        tx.profileChunk.findUnique({
          where: { profileId_seq: { profileId: profile.id, seq } },
          select: { data: true },
        }),
      );
      // Purged while downloading: end the stream short rather than answer a wrong file silently.
      if (!chunk) throw new AppError("NOT_FOUND", "profileNotFound");
      yield Buffer.from(chunk.data);
    }
  }
  const stamp = (profile.startedAt ?? new Date()).toISOString().replace(/[:.]/g, "-");
  const extension = profile.kind === "cpu" ? "cpuprofile" : "heapsnapshot";
  return {
    fileName: `mirage-${profile.target}-${stamp}.${extension}`,
    sizeBytes: profile.sizeBytes ?? 0,
    body: Readable.from(read()),
  };
}
