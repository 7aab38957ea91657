import { env } from "../../../env";
import { withOrganization } from "../../db/tenant";
import { DEFAULT_PROVIDER_KIND, whatsappProviderOfKind } from "../../whatsapp";
import type { Actor } from "../members/actor";
import { instanceDtoSelect, toInstanceDto } from "./instance-dto";
import { instanceUptime } from "./instance-uptime";
import type { listInstancesOutput } from "./instance-outputs";
import type { z } from "../../../shared/zod";

export type InstanceListItem = InstanceListDto["instances"][number];

export type InstanceListDto = z.infer<typeof listInstancesOutput>;

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
