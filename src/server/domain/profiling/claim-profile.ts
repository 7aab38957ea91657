import { withPlatform } from "../../db/tenant";
import type { Capture } from "./capture-profile";

/** How long past its sampling time a running profile may stay running before its process counts as gone. */
const STALE_AFTER_SECONDS = 600;
/** Requests older than this are deleted with their files. */
export const PROFILE_RETENTION_DAYS = 7;

export interface ClaimedProfile {
  id: string;
  capture: Capture;
}

/**
 * Takes the oldest waiting request for this kind of process, marked running by `processLabel`. Raw SQL
 * because Prisma has no `FOR UPDATE SKIP LOCKED`: two processes of one kind never take the same request.
 */
export async function claimProfile(target: "web" | "worker", processLabel: string): Promise<ClaimedProfile | null> {
  const [row] = await withPlatform(
    (tx) => tx.$queryRaw<{ id: string; kind: "cpu" | "heap"; duration_seconds: number | null }[]>`
      UPDATE process_profiles SET state = 'running', started_at = now(), process_label = ${processLabel}
      WHERE id = (
        SELECT id FROM process_profiles
        WHERE target = ${target}::"ProfileTarget" AND state = 'pending'
        ORDER BY requested_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
      RETURNING id, kind::text AS kind, duration_seconds`,
  );
  if (!row) return null;
  const capture: Capture =
    row.kind === "cpu" ? { kind: "cpu", durationSeconds: row.duration_seconds ?? 0 } : { kind: "heap" };
  return { id: row.id, capture };
}

/**
 * A process that died while profiling leaves its request running forever: fail it once it is well past
 * its time; and drop requests past retention, files included (the chunks cascade).
 */
export async function sweepProfiles(): Promise<void> {
  await withPlatform(async (tx) => {
    await tx.$executeRaw`
      UPDATE process_profiles SET state = 'failed', failure_reason = 'processGone', finished_at = now()
      WHERE state = 'running'
        AND started_at < now() - make_interval(secs => coalesce(duration_seconds, 0) + ${STALE_AFTER_SECONDS})`;
    await tx.processProfile.deleteMany({
      where: { requestedAt: { lt: new Date(Date.now() - PROFILE_RETENTION_DAYS * 86_400_000) } },
    });
  });
}
