import type { PrismaClient } from "./generated/client";
import { db } from "./client";

/** A Prisma transaction whose Row-Level Security context is already set. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

interface TxOptions {
  /** Serializable isolation for use cases that must not interleave (rare). */
  isolationLevel?: "ReadCommitted" | "RepeatableRead" | "Serializable";
  timeoutMs?: number;
  /**
   * Also act as this person: their own rows outside the organization (e.g. their sessions elsewhere)
   * become visible. Only for use cases about the person themself.
   */
  asUserId?: string;
  /** Also see system-wide rows (error groups with no organization): for platform admins only. */
  platform?: boolean;
}

/**
 * Runs `work` in one transaction bound to an organization: Row-Level Security then shows and
 * accepts only that organization's rows, whatever filters the code forgets.
 */
export async function withOrganization<T>(
  organizationId: string,
  work: (tx: Tx) => Promise<T>,
  options: TxOptions = {},
): Promise<T> {
  return db().$transaction(
    async (tx) => {
      // Only the organization: setting a user too would also open that person's other memberships.
      await tx.$queryRaw`SELECT set_config('mirage.organization_id', ${organizationId}, true)`;
      if (options.asUserId) await tx.$queryRaw`SELECT set_config('mirage.user_id', ${options.asUserId}, true)`;
      if (options.platform) await tx.$queryRaw`SELECT set_config('mirage.platform', 'on', true)`;
      return work(tx);
    },
    // Under load a transaction may wait for a pooled connection; waiting beats failing the work.
    { isolationLevel: options.isolationLevel, timeout: options.timeoutMs ?? 15_000, maxWait: 10_000 },
  );
}

/**
 * Runs `work` as a signed-in person outside any organization: they see only their own
 * memberships and the organizations those point to (sign-in, organization switcher).
 */
export async function withUser<T>(userId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT set_config('mirage.user_id', ${userId}, true)`;
    return work(tx);
  });
}

/**
 * Runs `work` as the holder of an invitation link: Row-Level Security shows only the invitation whose
 * token hash this is (the `invitations_by_token` policy), in whatever organization it is.
 */
export async function withInvitationToken<T>(tokenHash: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT set_config('mirage.invitation_token_hash', ${tokenHash}, true)`;
    return work(tx);
  });
}

/**
 * Inside a `withUser` transaction, binds the rest of it to one of the person's organizations, e.g. to write
 * that organization's audit row for a change to the person's own account. Row-Level Security still applies.
 */
export async function enterOrganization(tx: Tx, organizationId: string): Promise<void> {
  await tx.$queryRaw`SELECT set_config('mirage.organization_id', ${organizationId}, true)`;
}

/**
 * Runs `work` in the platform's scope: system-wide rows (error groups with no organization) become
 * visible, and no organization's. Only for a process's own failures and for platform admins.
 */
export async function withPlatform<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT set_config('mirage.platform', 'on', true)`;
    return work(tx);
  });
}
