import { observeCampaignProgress } from "./observe-campaign-progress";
import { withOrganization } from "../../db/tenant";
import { logger } from "../../logger";
import { inLanes } from "../../../shared/in-lanes";
import { claimRecipients } from "./claim-recipients";
import { checkCampaignHealth } from "./check-campaign-health";
import { deliverClaimedSends } from "./deliver-claimed-sends";
import { emitCampaignUpdated } from "./emit-campaign-updated";
import { recoverStaleClaims } from "./recover-stale-claims";
import { campaignColumn } from "./campaign-settings-schema";
import { nextWindowOpening, outsideWindow } from "./send-window";

/** One dispatch job works this long, then the next scheduled job takes over. */
const RUN_MS = 8_000;
/** Sends claimed per number per round when no pacing interval applies; a batch is in flight at once. */
const BATCH = 50;
/** Numbers worked on at once: bounded so the engine never exhausts the connection pool. */
const LANES = 4;
/** Most campaign sends in flight in one dispatcher. */
export const DISPATCH_CONCURRENCY = BATCH * LANES;

interface DispatchOptions {
  /** The clock (tests pass their own to exercise windows). */
  now?: () => Date;
  runMs?: number;
  campaignId?: string;
}

/**
 * The campaign engine for one organization: starts campaigns whose time came, and while any runs,
 * claims sends per number (inside windows, limits and pacing — all checked in the claim) and hands
 * them to the send pipeline, numbers in parallel and each number's batch concurrently. Safe with several workers: claims are serialised per number in the
 * database, so two dispatchers only share the work.
 */
export async function runCampaignDispatch(
  input: { organizationId: string },
  options: DispatchOptions = {},
): Promise<{ sent: number; nextRunAt: Date | null }> {
  const now = options.now ?? (() => new Date());
  const deadline = Date.now() + (options.runMs ?? RUN_MS);
  const { organizationId } = input;
  let sent = 0;
  let nextRunAt: Date | null = null;
  await recoverStaleClaims(organizationId);

  while (Date.now() < deadline) {
    const { campaigns, timezone } = await loadActiveCampaigns(organizationId, now(), options.campaignId);
    nextRunAt = null;
    if (campaigns.length === 0) break;
    const work: (() => Promise<number>)[] = [];
    let earliestWait = Number.POSITIVE_INFINITY;
    for (const campaign of campaigns) {
      const closed = outsideWindow(campaign.schedule, timezone, now());
      if (closed) {
        if (closed === "after_end") await finishCampaign(organizationId, campaign.id);
        else {
          const opening = nextWindowOpening(campaign.schedule, timezone, now());
          if (opening) earliestWait = Math.min(earliestWait, opening.getTime());
        }
        continue;
      }
      for (const instance of campaign.instances) {
        if (instance.state !== "open") continue;
        work.push(() =>
          (async () => {
            const claim = await withOrganization(organizationId, (tx) =>
              claimRecipients(tx, {
                organizationId,
                campaign,
                instance,
                now: now(),
                max: BATCH,
              }),
            );
            if (claim.waitUntil) earliestWait = Math.min(earliestWait, claim.waitUntil.getTime());
            return deliverClaimedSends(organizationId, claim.sends);
          })().catch((error) => {
            logger.error({ err: error, campaignId: campaign.id, instanceId: instance.id }, "campaign dispatch failed");
            return 0;
          }),
        );
      }
    }
    const round = (await inLanes(work, LANES)).reduce((a, b) => a + b, 0);
    sent += round;
    await observeCampaignProgress(
      organizationId,
      campaigns.map((c) => c.id),
    );
    for (const campaign of campaigns) {
      await checkCampaignHealth(organizationId, campaign.id);
      if (round) await emitCampaignUpdated(organizationId, campaign.id);
    }
    if (round === 0) {
      // Nothing to send right now: sleep until the earliest pacing/limit/window opening (or give up the turn).
      if (Number.isFinite(earliestWait)) nextRunAt = new Date(earliestWait);
      const wait = Math.min(earliestWait - now().getTime(), deadline - Date.now());
      if (!Number.isFinite(wait) || wait > 2_000 || wait < 0) break;
      await new Promise((resolve) => setTimeout(resolve, Math.max(wait, 50)));
    } else nextRunAt = new Date();
  }
  return { sent, nextRunAt };
}

async function loadActiveCampaigns(organizationId: string, now: Date, onlyCampaignId?: string) {
  return withOrganization(organizationId, async (tx) => {
    // Scheduled campaigns whose start came begin running.
    const scheduled = await tx.campaign.findMany({
      where: { organizationId, status: "scheduled", ...(onlyCampaignId ? { id: onlyCampaignId } : {}) },
      select: { id: true, schedule: true },
    });
    const due = scheduled.filter((c) => new Date(campaignColumn(c, "schedule").startAt) <= now);
    if (due.length)
      await tx.campaign.updateMany({ where: { id: { in: due.map((c) => c.id) } }, data: { status: "running" } });
    const organization = await tx.organization.findUniqueOrThrow({
      where: { id: organizationId },
      select: { timezone: true },
    });
    const rows = await tx.campaign.findMany({
      where: { organizationId, status: "running", ...(onlyCampaignId ? { id: onlyCampaignId } : {}) },
      select: {
        id: true,
        legalBasis: true,
        audience: true,
        variants: true,
        instanceIds: true,
        limits: true,
        schedule: true,
      },
    });
    const instances = await tx.instance.findMany({
      where: { id: { in: [...new Set(rows.flatMap((r) => r.instanceIds))] } },
      select: { id: true, providerName: true, state: true, dailySendLimit: true },
    });
    const byId = new Map(instances.map((i) => [i.id, i]));
    const campaigns = rows
      .map((row) => ({
        id: row.id,
        legalBasis: row.legalBasis,
        requireOptIn: campaignColumn(row, "audience").consent === "opted_in",
        variants: campaignColumn(row, "variants"),
        limits: campaignColumn(row, "limits"),
        schedule: campaignColumn(row, "schedule"),
        instances: row.instanceIds.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])),
      }))
      .filter((campaign) => new Date(campaign.schedule.startAt) <= now);
    return { campaigns, timezone: organization.timezone };
  });
}

/** The window closed for good: what was not sent is skipped with the reason, and the campaign ends. */
async function finishCampaign(organizationId: string, campaignId: string) {
  await withOrganization(organizationId, async (tx) => {
    await tx.campaignRecipient.updateMany({
      where: { campaignId, status: "pending" },
      data: { status: "skipped", reason: "window_closed" },
    });
    await tx.campaign.updateMany({
      where: { id: campaignId, status: "running" },
      data: { status: "completed", completedAt: new Date() },
    });
  });
  await emitCampaignUpdated(organizationId, campaignId);
}
