import type { Tx } from "../../db/tenant";
import { allowAuditMaintenance } from "../audit/allow-audit-maintenance";
import type { RetentionDataKindValue } from "../../../shared/schemas/privacy";

const BATCH = 5_000;

/** What one kind of data is, for retention: how to count and how to purge what is older than `cutoff`. */
interface RetentionTarget {
  count(tx: Tx, organizationId: string, cutoff: Date): Promise<number>;
  /** Purges one batch; returns the rows affected and the media keys it released. */
  purgeBatch(tx: Tx, organizationId: string, cutoff: Date): Promise<{ rows: number; mediaKeys: string[] }>;
}

const countOf = (rows: { count: number }[]) => rows[0]?.count ?? 0;

export const retentionTargets: Record<RetentionDataKindValue, RetentionTarget> = {
  messages: {
    count: async (tx, org, cutoff) =>
      countOf(
        await tx.$queryRaw`
        SELECT count(*)::int AS count FROM messages WHERE organization_id = ${org}::uuid AND sent_at < ${cutoff}`,
      ),
    purgeBatch: async (tx, org, cutoff) => {
      const [row] = await tx.$queryRaw<{ rows: number; media_keys: string[] }[]>`
        WITH removed AS (
          DELETE FROM messages WHERE id IN (
            SELECT id FROM messages WHERE organization_id = ${org}::uuid AND sent_at < ${cutoff} LIMIT ${BATCH})
          RETURNING media_key)
        SELECT count(*)::int AS rows,
               coalesce(array_agg(DISTINCT media_key) FILTER (WHERE media_key IS NOT NULL), '{}') AS media_keys
        FROM removed`;
      return { rows: row?.rows ?? 0, mediaKeys: row?.media_keys ?? [] };
    },
  },
  media: {
    count: async (tx, org, cutoff) =>
      countOf(
        await tx.$queryRaw`
        SELECT count(*)::int AS count FROM messages
        WHERE organization_id = ${org}::uuid AND sent_at < ${cutoff} AND media_key IS NOT NULL`,
      ),
    purgeBatch: async (tx, org, cutoff) => {
      // The message stays (text, caption, who and when); only the file goes.
      const [row] = await tx.$queryRaw<{ rows: number; media_keys: string[] }[]>`
        WITH target AS (
          SELECT id, media_key FROM messages
          WHERE organization_id = ${org}::uuid AND sent_at < ${cutoff} AND media_key IS NOT NULL LIMIT ${BATCH}),
        cleared AS (
          UPDATE messages m SET media_key = NULL, media_status = NULL, updated_at = now()
          FROM target WHERE m.id = target.id RETURNING target.media_key)
        SELECT count(*)::int AS rows,
               coalesce(array_agg(DISTINCT media_key), '{}') AS media_keys FROM cleared`;
      return { rows: row?.rows ?? 0, mediaKeys: row?.media_keys ?? [] };
    },
  },
  ai_insights: {
    count: async (tx, org, cutoff) =>
      countOf(
        await tx.$queryRaw`
        SELECT count(*)::int AS count FROM message_insights WHERE organization_id = ${org}::uuid AND created_at < ${cutoff}`,
      ),
    purgeBatch: async (tx, org, cutoff) => ({
      rows: await tx.$executeRaw`
        DELETE FROM message_insights WHERE message_id IN (
          SELECT message_id FROM message_insights
          WHERE organization_id = ${org}::uuid AND created_at < ${cutoff} LIMIT ${BATCH})`,
      mediaKeys: [],
    }),
  },
  webhook_deliveries: {
    // Unprocessed deliveries are work still to do, never purged.
    count: async (tx, org, cutoff) =>
      countOf(
        await tx.$queryRaw`
        SELECT count(*)::int AS count FROM webhook_deliveries
        WHERE organization_id = ${org}::uuid AND received_at < ${cutoff} AND (processed_at IS NOT NULL OR dead_at IS NOT NULL)`,
      ),
    purgeBatch: async (tx, org, cutoff) => ({
      rows: await tx.$executeRaw`
        DELETE FROM webhook_deliveries WHERE id IN (
          SELECT id FROM webhook_deliveries
          WHERE organization_id = ${org}::uuid AND received_at < ${cutoff}
            AND (processed_at IS NOT NULL OR dead_at IS NOT NULL) LIMIT ${BATCH})`,
      mediaKeys: [],
    }),
  },
  audit: {
    count: async (tx, org, cutoff) =>
      countOf(
        await tx.$queryRaw`
        SELECT count(*)::int AS count FROM audit_logs WHERE organization_id = ${org}::uuid AND created_at < ${cutoff}`,
      ),
    purgeBatch: async (tx, org, cutoff) => ({
      rows: await allowAuditMaintenance(tx, "retention").then(
        () => tx.$executeRaw`
        DELETE FROM audit_logs WHERE id IN (
          SELECT id FROM audit_logs WHERE organization_id = ${org}::uuid AND created_at < ${cutoff} LIMIT ${BATCH})`,
      ),
      mediaKeys: [],
    }),
  },
};

export function retentionCutoff(keepDays: number, now = new Date()): Date {
  return new Date(now.getTime() - keepDays * 86_400_000);
}
