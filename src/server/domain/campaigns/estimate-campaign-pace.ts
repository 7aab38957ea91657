import type { LegalBasis } from "../../db/generated/enums";
import { withOrganization, type Tx } from "../../db/tenant";
import type { Actor } from "../members/actor";
import { eligibleAudienceWhere } from "./campaign-audience";
import type { CampaignAudience, CampaignLimits, SendSchedule } from "./campaign-settings-schema";
import { estimateSendPace, type PacedNumber } from "./send-pace";

export interface CampaignSettingsToPace {
  audience: CampaignAudience;
  legalBasis: LegalBasis;
  instanceIds: string[];
  limits: CampaignLimits;
  schedule: SendSchedule;
}

export interface CampaignPaceEstimate {
  /** Contacts the consent rule lets through (launch may still exclude numbers without WhatsApp, repeats). */
  recipients: number;
  numbers: { id: string; name: string; state: string; dailySendLimit: number }[];
  /** Whether the estimate counts only the connected numbers (the dispatcher sends through nothing else). */
  connectedOnly: boolean;
  perHour: number;
  perDay: number;
  finishAt: string | null;
  /** How many would be sent before the window ends. */
  sendable: number;
}

/**
 * The wizard's pace and finish estimate, from the server's rules rather than a copy in the browser:
 * who is eligible, each number's own daily limit and what it already sent today, the campaign's limits
 * and pause, and the send window in the organization's timezone (see estimateSendPace).
 */
export async function estimateCampaignPace(
  actor: Actor,
  input: CampaignSettingsToPace,
  now = new Date(),
): Promise<CampaignPaceEstimate> {
  return withOrganization(actor.organizationId, (tx) => estimatePaceIn(tx, actor.organizationId, input, now));
}

export async function estimatePaceIn(
  tx: Tx,
  organizationId: string,
  input: CampaignSettingsToPace,
  now: Date,
): Promise<CampaignPaceEstimate> {
  const organization = await tx.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { timezone: true },
  });
  const recipients = await tx.contact.count({
    where: eligibleAudienceWhere(organizationId, input.audience, input.legalBasis),
  });
  const numbers = await tx.instance.findMany({
    where: { organizationId, id: { in: input.instanceIds } },
    select: { id: true, name: true, state: true, dailySendLimit: true },
    orderBy: { name: "asc" },
  });
  const connected = numbers.filter((number) => number.state === "open");
  // A draft's numbers may connect before it starts: with none connected, estimate as if they were.
  const pacing = connected.length ? connected : numbers;
  const recent = await tx.$queryRaw<{ instance_id: string; age: number; count: number }[]>`
    SELECT instance_id::text, floor(extract(epoch FROM (${now}::timestamptz - claimed_at)) / 60)::int AS age,
           count(*)::int AS count
    FROM campaign_recipients
    WHERE instance_id = ANY(${pacing.map((n) => n.id)}::uuid[]) AND claimed_at > ${new Date(now.getTime() - 86_400_000)}
    GROUP BY 1, 2`;
  const paced: PacedNumber[] = pacing.map((number) => ({
    dailySendLimit: number.dailySendLimit,
    recentSends: recent
      .filter((row) => row.instance_id === number.id)
      .map((row) => ({ ageMinutes: row.age, count: row.count })),
  }));
  const pace = estimateSendPace({
    recipients,
    numbers: paced,
    limits: input.limits,
    schedule: input.schedule,
    timezone: organization.timezone,
    start: now,
  });
  return {
    recipients,
    numbers,
    connectedOnly: connected.length > 0,
    perHour: pace.perHour,
    perDay: pace.perDay,
    finishAt: pace.finishAt?.toISOString() ?? null,
    sendable: pace.sendable,
  };
}
