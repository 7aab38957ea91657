import type { Job, JobResult } from "pg-boss";
import type { WorkerIdentity } from "../server/domain/system/record-worker-heartbeat";
import { recordError } from "../server/domain/errors/record-error";
import { queues, type QueueName } from "../server/jobs/queues";
import { logger, withLogContext } from "../server/logger";
import { metrics } from "../server/observability/metrics";
import { contextFromJobData, SpanKind, withSpan } from "../server/observability/trace";
import { handlers } from "./handlers";

/** Runs one job in its trace and log context; a failure is logged, counted and tracked (Configurações → Erros). */
export async function runJob(name: QueueName, job: Job<object>, worker: WorkerIdentity): Promise<JobResult> {
  const handler = handlers[name] as (
    payload: unknown,
    context: Parameters<(typeof handlers)[QueueName]>[1],
  ) => Promise<void>;
  const ids = job.data as { organizationId?: string; instanceId?: string };
  const span = { queue: name, jobId: job.id, organizationId: ids.organizationId, instanceId: ids.instanceId };
  const parent = contextFromJobData(job.data);
  return withSpan(`job ${name}`, span, () => runJobInContext(name, job, worker, handler), {
    kind: SpanKind.CONSUMER,
    parent,
  });
}

async function runJobInContext(
  name: QueueName,
  job: Job<object>,
  worker: WorkerIdentity,
  handler: (payload: unknown, context: Parameters<(typeof handlers)[QueueName]>[1]) => Promise<void>,
): Promise<JobResult> {
  return withLogContext({ jobId: job.id, queue: name }, async () => {
    const started = performance.now();
    const observe = (outcome: "completed" | "failed") => {
      metrics().jobDuration.observe({ queue: name, outcome }, (performance.now() - started) / 1000);
      if (outcome === "failed") metrics().jobFailures.inc({ queue: name });
    };
    const parsed = queues[name].payload.safeParse(job.data);
    if (!parsed.success) {
      // A payload that does not parse will never succeed: straight to the dead-letter queue.
      observe("failed");
      logger.error({ err: parsed.error }, "job payload invalid; dead-lettered");
      return { id: job.id, status: "deadletter" };
    }
    try {
      await handler(parsed.data, { worker, jobId: job.id, signal: job.signal });
      observe("completed");
      return { id: job.id, status: "completed" };
    } catch (error) {
      observe("failed");
      logger.error({ err: error, retryCount: job.retryCount }, "job failed");
      const organizationId = (parsed.data as { organizationId?: unknown }).organizationId;
      await recordError({
        source: "worker",
        error,
        organizationId: typeof organizationId === "string" ? organizationId : null,
        context: { queue: name, jobId: job.id, retryCount: job.retryCount },
      });
      return {
        id: job.id,
        status: "failed",
        output: { message: error instanceof Error ? error.message : String(error) },
      };
    }
  });
}
