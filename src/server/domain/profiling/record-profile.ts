import { withPlatform } from "../../db/tenant";
import { logger } from "../../logger";
import { captureProfile, ProfileTooLarge } from "./capture-profile";
import type { ClaimedProfile } from "./claim-profile";

/**
 * Records a claimed request in this process and stores the file piece by piece (one transaction each: a
 * snapshot of hundreds of MB must not be one statement), then marks it done; a failure is kept as a reason code.
 */
export async function recordProfile(claimed: ClaimedProfile, signal: AbortSignal): Promise<void> {
  try {
    const pieces = await captureProfile(claimed.capture, signal);
    for (const [seq, data] of pieces.entries()) {
      // Upsert: a piece written before a retry of this loop is not a conflict.
      await withPlatform((tx) =>
        tx.profileChunk.upsert({
          where: { profileId_seq: { profileId: claimed.id, seq } },
          create: { profileId: claimed.id, seq, data: new Uint8Array(data) },
          update: { data: new Uint8Array(data) },
        }),
      );
    }
    const sizeBytes = pieces.reduce((sum, piece) => sum + piece.length, 0);
    await withPlatform((tx) =>
      tx.processProfile.update({
        where: { id: claimed.id },
        data: { state: "done", sizeBytes, finishedAt: new Date() },
      }),
    );
  } catch (error) {
    const failureReason =
      error instanceof ProfileTooLarge ? "profileTooLarge" : signal.aborted ? "processGone" : "profilerFailed";
    logger.warn({ err: error, profileId: claimed.id, failureReason }, "profile not recorded");
    await withPlatform(async (tx) => {
      await tx.profileChunk.deleteMany({ where: { profileId: claimed.id } });
      await tx.processProfile.update({
        where: { id: claimed.id },
        data: { state: "failed", failureReason, finishedAt: new Date() },
      });
    });
  }
}
