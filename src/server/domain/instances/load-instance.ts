import type { Tx } from "../../db/tenant";
import { AppError } from "../../errors";

/** An instance of the organization, or NOT_FOUND (also for another organization's id). */
export async function loadInstance(tx: Tx, organizationId: string, instanceId: string) {
  const instance = await tx.instance.findFirst({ where: { id: instanceId, organizationId } });
  if (!instance) throw new AppError("NOT_FOUND", "instanceNotFound");
  return instance;
}
