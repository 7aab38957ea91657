import { fetch, type Agent } from "undici";
import { env } from "../../../env";
import { logger } from "../../logger";
import {
  blockedOutboundAddress,
  createGuardedDispatcher,
  isOutboundAddressBlocked,
} from "../network/outbound-address-guard";
import { alertSignatureHeader, alertTimestampHeader, signAlertWebhook } from "./sign-alert-webhook";

let dispatcher: Agent | undefined;
const guardedDispatcher = () => (dispatcher ??= createGuardedDispatcher(env().ALERT_WEBHOOK_PRIVATE_HOSTS));

/** The non-public address an alert webhook URL has, unless its host is in ALERT_WEBHOOK_PRIVATE_HOSTS. */
export function blockedAlertWebhookAddress(url: string): Promise<string | null> {
  return blockedOutboundAddress(url, env().ALERT_WEBHOOK_PRIVATE_HOSTS);
}

const TIMEOUT_MS = 10_000;

/**
 * POSTs a signed JSON body (its `text` is what Slack and Teams incoming webhooks show). A non-2xx answer
 * throws so pg-boss retries; a blocked address does not, since retrying cannot make it allowed.
 */
export async function postAlertWebhook(
  target: { url: string; secret: string },
  body: Record<string, unknown>,
  now = new Date(),
): Promise<"sent" | "blocked"> {
  const blocked = await blockedAlertWebhookAddress(target.url);
  if (blocked) {
    logger.warn({ address: blocked }, "alert webhook refused: non-public address");
    return "blocked";
  }
  const json = JSON.stringify(body);
  const timestamp = Math.floor(now.getTime() / 1000);
  try {
    const response = await fetch(target.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        [alertTimestampHeader]: String(timestamp),
        [alertSignatureHeader]: signAlertWebhook(target.secret, timestamp, json),
      },
      body: json,
      dispatcher: guardedDispatcher(),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await response.body?.cancel();
    if (!response.ok) throw new Error(`Alert webhook answered ${response.status}`);
    return "sent";
  } catch (error) {
    if (isOutboundAddressBlocked(error)) return "blocked";
    throw error;
  }
}
