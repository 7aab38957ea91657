import { metrics } from "../../observability/metrics";
import type { ConnectionState } from "../../db/generated/enums";
import type { DisconnectReason } from "../../whatsapp/provider";
import type { Tx } from "../../db/tenant";
import type { InstanceEventDetail } from "../../../shared/instance-reasons";
import { recordInstanceEvent, type InstanceEventKind } from "./record-instance-event";

type InstanceRow = NonNullable<Awaited<ReturnType<Tx["instance"]["findFirst"]>>>;

export interface ObservedConnection {
  state: ConnectionState;
  statusReason: DisconnectReason | null;
  phoneNumber?: string | null;
  profileName?: string | null;
  profilePictureUrl?: string | null;
  /** Gateway time of the observation, when it has one: older observations than the applied one are ignored. */
  sequenceAt?: Date | null;
  kind?: InstanceEventKind;
  detail?: InstanceEventDetail;
}

/**
 * Applies an observed connection state to an instance (webhook or watchdog). Returns whether the
 * state changed. A change goes on the timeline; `downSince` marks when a live connection was lost.
 */
export async function applyConnectionState(
  tx: Tx,
  instance: InstanceRow,
  observed: ObservedConnection,
): Promise<boolean> {
  if (observed.sequenceAt && instance.stateSequenceAt) {
    if (observed.sequenceAt < instance.stateSequenceAt) return false;
    // Same instant (the provider stamps with ms precision): "connecting" never undoes an "open".
    if (
      observed.sequenceAt.getTime() === instance.stateSequenceAt.getTime() &&
      instance.state === "open" &&
      observed.state === "connecting"
    ) {
      return false;
    }
  }
  const now = new Date();
  const changed =
    observed.state !== instance.state ||
    (observed.state !== "open" && observed.statusReason !== instance.stateReason) ||
    (await closesAfterLogout(tx, instance.id, observed));
  // Only losing an open connection is a drop; an abandoned or refused pairing is not.
  const wasLive = instance.state === "open";
  const opened = observed.state === "open";
  metrics().instanceConnected.set({ instance_id: instance.id }, opened ? 1 : 0);
  await tx.instance.update({
    where: { id: instance.id },
    data: {
      state: observed.state,
      stateReason: observed.statusReason,
      stateSequenceAt: observed.sequenceAt ?? instance.stateSequenceAt,
      lastEventAt: now,
      ...(observed.phoneNumber ? { phoneNumber: observed.phoneNumber } : {}),
      ...(observed.profileName ? { profileName: observed.profileName } : {}),
      ...(observed.profilePictureUrl ? { profilePictureUrl: observed.profilePictureUrl } : {}),
      ...(opened
        ? { downSince: null, reconnectAttempts: 0, nextReconnectAt: null, qrDataUrl: null, pairingCode: null }
        : observed.state !== "connecting" && wasLive && !instance.downSince
          ? { downSince: now }
          : {}),
    },
  });
  if (changed) {
    await recordInstanceEvent(tx, {
      organizationId: instance.organizationId,
      instanceId: instance.id,
      kind: observed.kind ?? "connection",
      state: observed.state,
      statusReason: observed.statusReason,
      detail: observed.detail ?? null,
      occurredAt: now,
    });
  }
  return changed;
}

/**
 * A provider may report a logout twice (Evolution does): `session.logged_out` and a `connection.changed`
 * close with the same reason, in either order once deliveries race. Both go on the timeline: the second is not swallowed
 * as "no change".
 */
async function closesAfterLogout(tx: Tx, instanceId: string, observed: ObservedConnection): Promise<boolean> {
  const kinds = ["logout", "connection"];
  if (observed.state !== "close" || !kinds.includes(observed.kind ?? "")) return false;
  const last = await tx.instanceEvent.findFirst({
    where: { instanceId },
    orderBy: { occurredAt: "desc" },
    select: { kind: true, state: true },
  });
  return !!last && last.state === "close" && kinds.includes(last.kind) && last.kind !== observed.kind;
}
