import { env } from "../../../env";
import { isTerminalDisconnect, type InstanceEventDetail } from "../../../shared/instance-reasons";
import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import { logger } from "../../logger";
import { emitToOrganization } from "../../realtime/emitter";
import { whatsappProviderFor } from "../../whatsapp";
import type { ConnectionState, RemoteInstance } from "../../whatsapp/provider";
import { applyConnectionState, type ObservedConnection } from "./apply-connection-state";
import { ensureInstanceWebhook } from "./ensure-instance-webhook";
import { requeueStrandedDeliveries } from "../webhooks/drain-webhook-deliveries";
import { recordInstanceEvent } from "./record-instance-event";
import { reconnectDelayMs } from "./reconnect-backoff";

type InstanceRow = Awaited<ReturnType<typeof loadInstances>>[number];

function loadInstances(organizationId: string) {
  return withOrganization(organizationId, (tx) => tx.instance.findMany({ where: { organizationId } }));
}

/**
 * Re-syncs an organization's instances with their providers (at worker start and every 30 s): catches
 * drops no webhook reported and connections that claim to be open but do not answer, and reconnects
 * dropped numbers with capped exponential backoff. Numbers logged out or banned are left for a person.
 */
export async function runInstanceWatchdog(input: { organizationId: string }): Promise<void> {
  await requeueStrandedDeliveries(input.organizationId);
  const instances = await loadInstances(input.organizationId);
  if (instances.length === 0) return;
  const remoteByProvider = new Map<string, Map<string, RemoteInstance> | null>();
  for (const instance of instances) {
    if (!remoteByProvider.has(instance.provider))
      remoteByProvider.set(instance.provider, await fetchRemote(input.organizationId, instance.provider));
    const byName = remoteByProvider.get(instance.provider);
    // An unreachable provider says nothing about its numbers: its instances are left as they are.
    if (!byName) continue;
    if (byName.has(instance.providerName)) {
      await ensureInstanceWebhook(instance).catch((error) =>
        logger.warn({ err: error, instanceId: instance.id }, "webhook not re-registered"),
      );
    }
    const observed = await observe(instance, byName.get(instance.providerName));
    if (observed && (await applyIfUnchanged(input.organizationId, instance, observed))) {
      await emitToOrganization(input.organizationId, "instance.updated", {
        instanceId: instance.id,
        state: observed.state,
      });
    }
    await reconnectIfDue(input.organizationId, instance.id);
  }
}

/** A provider's instances by name, or null when the provider does not answer. */
async function fetchRemote(organizationId: string, provider: string): Promise<Map<string, RemoteInstance> | null> {
  try {
    const remote = await whatsappProviderFor({ provider }).fetchInstances();
    return new Map(remote.map((r) => [r.name, r]));
  } catch (error) {
    logger.warn({ err: error, organizationId, provider }, "watchdog: WhatsApp provider unreachable");
    return null;
  }
}

/** Applies what the watchdog observed, unless a webhook changed the instance since the snapshot. */
async function applyIfUnchanged(
  organizationId: string,
  snapshot: InstanceRow,
  observed: ObservedConnection,
): Promise<boolean> {
  return withOrganization(organizationId, async (tx) => {
    await tx.$queryRaw`SELECT id FROM instances WHERE id = ${snapshot.id}::uuid FOR NO KEY UPDATE`;
    const current = await tx.instance.findFirst({ where: { id: snapshot.id } });
    if (
      !current ||
      current.state !== snapshot.state ||
      current.lastEventAt?.getTime() !== snapshot.lastEventAt?.getTime()
    ) {
      return false;
    }
    return applyConnectionState(tx, current, observed);
  });
}

/** What the provider says about one instance, when it disagrees with what Mirage has. */
async function observe(instance: InstanceRow, remote: RemoteInstance | undefined): Promise<ObservedConnection | null> {
  if (!remote) {
    return instance.state === "close"
      ? null
      : {
          state: "close",
          statusReason: null,
          kind: "watchdog_sync",
          detail: { code: "gone_from_evolution" },
        };
  }
  let state: ConnectionState;
  try {
    // fetchInstances' status lags; the live state is authoritative.
    state = await whatsappProviderFor(instance).connectionState(instance.providerName);
  } catch (error) {
    // Only a number that timed out while the provider itself answered is a drop: an unreachable
    // provider (circuit open, network error, 5xx) says nothing about the number.
    const reason = error instanceof AppError ? (error.details as { reason?: string } | undefined)?.reason : undefined;
    if (instance.state !== "open" || reason !== "timeout") return null;
    return {
      state: "close",
      statusReason: "connection_lost",
      kind: "watchdog_drop",
      detail: { code: "open_but_unresponsive" },
    };
  }
  if (state === instance.state) return null;
  if (instance.state === "open" && state !== "open") {
    return {
      state,
      statusReason: remote.disconnectReason ?? "connection_lost",
      kind: "watchdog_drop",
      detail: { code: "drop_detected" },
    };
  }
  return {
    state,
    statusReason: remote.disconnectReason,
    phoneNumber: remote.phoneNumber,
    profileName: remote.profileName,
    kind: "watchdog_sync",
    detail: { code: "state_synced" },
  };
}

async function reconnectIfDue(organizationId: string, instanceId: string): Promise<void> {
  const now = new Date();
  const attempt = await withOrganization(organizationId, async (tx) => {
    const instance = await tx.instance.findFirst({ where: { id: instanceId } });
    // Only numbers that were paired and lost their connection: never a deliberate logout, a ban, a
    // refused pairing, or an instance Evolution no longer has (no reason code).
    if (!instance || instance.state !== "close" || !instance.downSince || !instance.phoneNumber) return null;
    if (instance.stateReason === null || isTerminalDisconnect(instance.stateReason)) return null;
    if (instance.nextReconnectAt && instance.nextReconnectAt > now) return null;
    const number = instance.reconnectAttempts + 1;
    const delay = reconnectDelayMs(number, env().INSTANCE_RECONNECT_MAX_DELAY_SECONDS * 1000);
    // A conditional claim: overlapping watchdog runs make each attempt once.
    const claimed = await tx.instance.updateMany({
      where: { id: instance.id, reconnectAttempts: instance.reconnectAttempts },
      data: { reconnectAttempts: number, nextReconnectAt: new Date(now.getTime() + delay) },
    });
    if (claimed.count === 0) return null;
    return {
      number,
      provider: instance.provider,
      providerName: instance.providerName,
      nextInSeconds: Math.round(delay / 1000),
    };
  });
  if (!attempt) return;
  const params = { attempt: attempt.number, nextInSeconds: attempt.nextInSeconds };
  let outcome: InstanceEventDetail;
  try {
    const result = await whatsappProviderFor(attempt).connect(attempt.providerName);
    outcome = { code: result.kind === "qr" ? "reconnect_needs_qr" : "reconnect_requested", params };
  } catch (error) {
    const reason = error instanceof AppError ? error.reason : "internal";
    outcome = { code: "reconnect_failed", params: { ...params, reason } };
  }
  await withOrganization(organizationId, (tx) =>
    recordInstanceEvent(tx, { organizationId, instanceId, kind: "watchdog_reconnect", detail: outcome }),
  );
}
