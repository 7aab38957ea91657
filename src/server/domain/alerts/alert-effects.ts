import type { Tx } from "../../db/tenant";
import type { AlertKind } from "../../../shared/schemas/alerts";
import { pauseCampaignsOnNumber } from "../campaigns/pause-campaigns-on-number";
import type { AlertBreach } from "./alert-conditions";

/**
 * What a firing does besides notifying: a number sending far above its baseline, or failing too often,
 * has its campaigns paused (with the reason on each) until an admin resumes them. Returns the campaigns
 * paused, for the caller to announce after commit.
 */
export async function applyAlertEffects(
  tx: Tx,
  input: { organizationId: string; kind: AlertKind; breach: AlertBreach },
): Promise<string[]> {
  const { organizationId, kind, breach } = input;
  if (kind === "sending_spike")
    return pauseCampaignsOnNumber(tx, {
      organizationId,
      instanceId: breach.subject,
      pause: { reason: "sending_spike", params: breach.params },
    });
  if (kind === "send_failure_rate")
    return pauseCampaignsOnNumber(tx, {
      organizationId,
      instanceId: breach.subject,
      pause: { reason: "failure_rate", params: { percent: breach.params.percent!, count: breach.params.failed! } },
    });
  return [];
}
