import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
} from "@opentelemetry/api";

/** Where a job's W3C trace context travels in its data (the queue schemas strip it before handlers). */
export const TRACE_CONTEXT_KEY = "_trace";

const tracer = () => trace.getTracer("mirage");

/** Span attributes name ids only (organization, instance, queue, job): never phones or message text. */
export interface SpanIds {
  organizationId?: string;
  instanceId?: string;
  queue?: string;
  jobId?: string;
}

function attributesOf(ids: SpanIds): Attributes {
  const attributes: Attributes = {};
  if (ids.organizationId) attributes["mirage.organization_id"] = ids.organizationId;
  if (ids.instanceId) attributes["mirage.instance_id"] = ids.instanceId;
  if (ids.queue) attributes["mirage.queue"] = ids.queue;
  if (ids.jobId) attributes["mirage.job_id"] = ids.jobId;
  return attributes;
}

/** Runs `work` in a span (a no-op span when tracing is off), recording a thrown error on it. */
export function withSpan<T>(
  name: string,
  ids: SpanIds,
  work: () => Promise<T>,
  options: { kind?: SpanKind; parent?: Context } = {},
): Promise<T> {
  return tracer().startActiveSpan(
    name,
    { kind: options.kind ?? SpanKind.INTERNAL, attributes: attributesOf(ids) },
    options.parent ?? context.active(),
    async (span) => {
      try {
        return await work();
      } catch (error) {
        span.recordException(error instanceof Error ? error : String(error));
        span.setStatus({ code: SpanStatusCode.ERROR });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

/** The active trace context as W3C headers (`traceparent`…), or undefined when nothing is traced. */
export function traceCarrier(): Record<string, string> | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return Object.keys(carrier).length > 0 ? carrier : undefined;
}

/** The context a job was enqueued in, read back from its data. */
export function contextFromJobData(data: unknown): Context {
  const carrier = (data as Record<string, unknown> | null)?.[TRACE_CONTEXT_KEY];
  if (!carrier || typeof carrier !== "object") return ROOT_CONTEXT;
  return propagation.extract(ROOT_CONTEXT, carrier as Record<string, string>);
}

/** The active trace id for log lines, when a span is recording. */
export function activeTraceId(): string | undefined {
  const span = trace.getActiveSpan();
  return span?.isRecording() ? span.spanContext().traceId : undefined;
}

export { SpanKind };
