import { env } from "../../../env";
import { withOrganization } from "../../db/tenant";
import { whatsappProvider } from "../../whatsapp";
import type { Actor } from "../members/actor";
import { evolutionServer } from "./evolution-server";
import { toInstanceDto, type InstanceDto } from "./instance-dto";
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
  const { rows, day, week } = await withOrganization(actor.organizationId, async (tx) => ({
    rows: await tx.instance.findMany({
      where: { organizationId: actor.organizationId },
      orderBy: { createdAt: "asc" },
    }),
    day: await instanceUptime(tx, actor.organizationId, 24),
    week: await instanceUptime(tx, actor.organizationId, 24 * 7),
  }));
  const circuit = whatsappProvider().circuitState(evolutionServer().id);
  return {
    instances: rows.map((row) => ({
      ...toInstanceDto(row),
      uptime24h: day.get(row.id) ?? null,
      uptime7d: week.get(row.id) ?? null,
      alert: row.downSince !== null && Date.now() - row.downSince.getTime() > alertAfterMs,
    })),
    evolution: { isSimulator: env().evolution.isSimulator, circuit: circuit.state, lastError: circuit.lastError },
  };
}
