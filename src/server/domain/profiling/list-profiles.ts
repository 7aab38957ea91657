import { withPlatform } from "../../db/tenant";
import { AppError } from "../../errors";
import type { Actor } from "../members/actor";
import { isPlatformAdmin } from "../members/is-platform-admin";

const LIST_LIMIT = 50;

/** The latest profiling requests, newest first, with their state: platform admins only. */
export async function listProfiles(actor: Actor) {
  if (!(await isPlatformAdmin(actor))) throw new AppError("FORBIDDEN", "platformAdminsOnly");
  return withPlatform((tx) =>
    tx.processProfile.findMany({
      orderBy: { requestedAt: "desc" },
      take: LIST_LIMIT,
      select: {
        id: true,
        target: true,
        kind: true,
        durationSeconds: true,
        state: true,
        processLabel: true,
        sizeBytes: true,
        failureReason: true,
        requestedAt: true,
        startedAt: true,
        finishedAt: true,
      },
    }),
  );
}
