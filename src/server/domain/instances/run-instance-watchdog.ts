import { env } from "../../../env";
import { isTerminalDisconnect } from "../../../shared/instance-reasons";
import { withOrganization } from "../../db/tenant";
import { logger } from "../../logger";
import { emitToOrganization } from "../../realtime/emitter";
import { whatsappProvider } from "../../whatsapp";
import type { ConnectionState, RemoteInstance } from "../../whatsapp/provider";
import { applyConnectionState, type ObservedConnection } from "./apply-connection-state";
import { evolutionServer } from "./evolution-server";
import { recordInstanceEvent } from "./record-instance-event";
import { reconnectDelayMs } from "./reconnect-backoff";

type InstanceRow = Awaited<ReturnType<typeof loadInstances>>[number];

function loadInstances(organizationId: string) {
  return withOrganization(organizationId, (tx) => tx.instance.findMany({ where: { organizationId } }));
}

/**
 * Re-syncs an organization's instances with Evolution (at worker start and every 30 s): catches
 * drops no webhook reported and connections that claim to be open but do not answer, and reconnects
 * dropped numbers with capped exponential backoff. Numbers logged out or banned are left for a person.
 */
export async function runInstanceWatchdog(input: { organizationId: string }): Promise<void> {
  const instances = await loadInstances(input.organizationId);
  if (instances.length === 0) return;
  const provider = whatsappProvider();
  const server = evolutionServer();
  let remote: RemoteInstance[];
  try {
    remote = await provider.fetchInstances(server);
  } catch (error) {
    logger.warn({ err: error, organizationId: input.organizationId }, "watchdog: Evolution API unreachable");
    return;
  }
  const byName = new Map(remote.map((r) => [r.name, r]));
  for (const instance of instances) {
    const observed = await observe(instance, byName.get(instance.providerName));
    if (observed) {
      const changed = await withOrganization(input.organizationId, async (tx) => {
        const current = await tx.instance.findFirst({ where: { id: instance.id } });
        return current ? applyConnectionState(tx, current, observed) : false;
      });
      if (changed)
        await emitToOrganization(input.organizationId, "instance.updated", {
          instanceId: instance.id,
          state: observed.state,
        });
    }
    await reconnectIfDue(input.organizationId, instance.id);
  }
}

/** What Evolution says about one instance, when it disagrees with what Mirage has. */
async function observe(instance: InstanceRow, remote: RemoteInstance | undefined): Promise<ObservedConnection | null> {
  if (!remote) {
    return instance.state === "close"
      ? null
      : {
          state: "close",
          statusReason: null,
          kind: "watchdog_sync",
          detail: "A instância não existe mais na Evolution API",
        };
  }
  let state: ConnectionState;
  try {
    // fetchInstances' status lags; the live state is authoritative.
    state = await whatsappProvider().connectionState(evolutionServer(), instance.providerName);
  } catch {
    if (instance.state !== "open") return null;
    return {
      state: "close",
      statusReason: 408,
      kind: "watchdog_drop",
      detail: "A conexão dizia estar aberta mas não respondeu",
    };
  }
  if (state === instance.state) return null;
  if (instance.state === "open" && state !== "open") {
    return {
      state,
      statusReason: remote.disconnectionReasonCode ?? 408,
      kind: "watchdog_drop",
      detail: "Queda detectada pelo monitor",
    };
  }
  return {
    state,
    statusReason: remote.disconnectionReasonCode,
    phoneNumber: remote.phoneNumber,
    profileName: remote.profileName,
    kind: "watchdog_sync",
    detail: "Estado sincronizado com a Evolution API",
  };
}

async function reconnectIfDue(organizationId: string, instanceId: string): Promise<void> {
  const now = new Date();
  const attempt = await withOrganization(organizationId, async (tx) => {
    const instance = await tx.instance.findFirst({ where: { id: instanceId } });
    // Only numbers that were paired and lost their connection; never a deliberate logout or a ban.
    if (!instance || instance.state === "open" || instance.state === "connecting" || !instance.downSince) return null;
    if (isTerminalDisconnect(instance.stateReason)) return null;
    if (instance.nextReconnectAt && instance.nextReconnectAt > now) return null;
    const number = instance.reconnectAttempts + 1;
    const delay = reconnectDelayMs(number, env().INSTANCE_RECONNECT_MAX_DELAY_SECONDS * 1000);
    await tx.instance.update({
      where: { id: instance.id },
      data: { reconnectAttempts: number, nextReconnectAt: new Date(now.getTime() + delay) },
    });
    return { number, providerName: instance.providerName, nextInSeconds: Math.round(delay / 1000) };
  });
  if (!attempt) return;
  let outcome = `Tentativa ${attempt.number} de reconexão; próxima em ${attempt.nextInSeconds} s se continuar fora`;
  try {
    const result = await whatsappProvider().connect(evolutionServer(), attempt.providerName);
    if (result.kind === "qr") outcome += " (a Evolution pediu um novo QR: escaneie para voltar)";
  } catch (error) {
    outcome += ` — falhou: ${error instanceof Error ? error.message : String(error)}`;
  }
  await withOrganization(organizationId, (tx) =>
    recordInstanceEvent(tx, { organizationId, instanceId, kind: "watchdog_reconnect", detail: outcome }),
  );
}
