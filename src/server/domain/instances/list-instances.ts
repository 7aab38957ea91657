import { env } from "../../../env";
import { withOrganization } from "../../db/tenant";
import { DEFAULT_PROVIDER_KIND, whatsappProviderOfKind } from "../../whatsapp";
import type { Actor } from "../members/actor";
import { instanceDtoSelect, toInstanceDto, type InstanceDto } from "./instance-dto";
import { instanceUptime } from "./instance-uptime";

export interface InstanceListItem extends InstanceDto {
  uptime24h: number | null;
  uptime7d: number | null;
  /** Down (not by choice) for longer than INSTANCE_DOWN_ALERT_MINUTES. */
  alert: boolean;
}

export interface InstanceListDto {
  instances: InstanceListItem[];
  evolution: { isSimulator: boolean; circuit: "closed" | "open" | "half-open"; lastError: string | null };
}

export async function listInstances(actor: Actor): Promise<InstanceListDto> {
  const alertAfterMs = env().INSTANCE_DOWN_ALERT_MINUTES * 60_000;
  const { rows, uptime } = await withOrganization(actor.organizationId, async (tx) => ({
    // Only what the list shows: QR images and secrets stay in the database.
    rows: await tx.instance.findMany({
      where: { organizationId: actor.organizationId },
      orderBy: { createdAt: "asc" },
      select: instanceDtoSelect,
    }),
    uptime: await instanceUptime(tx, actor.organizationId),
  }));
  const circuit = whatsappProviderOfKind(DEFAULT_PROVIDER_KIND).circuitState();
  return {
    instances: rows.map((row) => ({
      ...toInstanceDto(row),
      uptime24h: uptime.get(row.id)?.day ?? null,
      uptime7d: uptime.get(row.id)?.week ?? null,
      alert: row.downSince !== null && Date.now() - row.downSince.getTime() > alertAfterMs,
    })),
    evolution: { isSimulator: env().evolution.isSimulator, circuit: circuit.state, lastError: circuit.lastError },
  };
}
