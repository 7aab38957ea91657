import type { Tx } from "../../db/tenant";
import type { AppliedDelivery, StoredDelivery } from "./apply-delivery";
import type { DeliveryProblem } from "./delivery-problem";

/** Attempts before a delivery that keeps failing is set aside (kept, marked) so it blocks nothing. */
export const MAX_ATTEMPTS = 5;

export interface DeliveryOutcome {
  delivery: StoredDelivery;
  /** Null when applying it failed (rolled back to its savepoint). */
  applied: AppliedDelivery | null;
  error: DeliveryProblem | null;
}

/**
 * Records a batch's outcomes in one statement: applied → processed (with its note); malformed → processed
 * and set aside; failed → attempt counted and retried later, set aside after the last attempt. A problem
 * is stored as its code in `error` and its parameters in `error_params`.
 */
export async function markDeliveries(tx: Tx, outcomes: DeliveryOutcome[]): Promise<void> {
  const ids: string[] = [];
  const notes: (string | null)[] = [];
  const params: (string | null)[] = [];
  const processed: boolean[] = [];
  const dead: boolean[] = [];
  for (const { delivery, applied, error } of outcomes) {
    const giveUp = !applied && delivery.attempts + 1 >= MAX_ATTEMPTS;
    ids.push(delivery.id);
    const problem = applied ? applied.problem : error;
    notes.push(problem ? problem.code : (applied?.note ?? null));
    params.push(problem ? JSON.stringify(problem.params) : null);
    processed.push(applied !== null || giveUp);
    dead.push(giveUp || applied?.malformed === true);
  }
  await tx.$executeRaw`
    UPDATE webhook_deliveries AS d SET
      processed_at = CASE WHEN o.processed THEN now() ELSE NULL END,
      dead_at = CASE WHEN o.dead THEN now() ELSE NULL END,
      error = o.note,
      error_params = coalesce(o.params::jsonb, '{}'),
      attempts = d.attempts + 1
    FROM unnest(${ids}::uuid[], ${notes}::text[], ${params}::text[], ${processed}::boolean[], ${dead}::boolean[])
      AS o(id, note, params, processed, dead)
    WHERE d.id = o.id`;
}
