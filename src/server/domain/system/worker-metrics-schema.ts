import { z } from "../../../shared/zod";

/**
 * worker_heartbeats.metrics: a worker's prom-client registry as `getMetricsAsJSON()` gives it, merged
 * into /api/metrics by the web process. Loose objects: prom-client's own fields (aggregator,
 * exemplars…) pass through to its aggregation untouched.
 */
export const workerMetricsSchema = z.array(
  z.looseObject({
    name: z.string(),
    help: z.string(),
    type: z.string(),
    values: z.array(
      z.looseObject({
        // JSON has no NaN: a gauge that was NaN is stored as null.
        value: z.number().nullable(),
        labels: z.record(z.string(), z.union([z.string(), z.number()])),
      }),
    ),
  }),
);
export type WorkerMetrics = z.infer<typeof workerMetricsSchema>;
