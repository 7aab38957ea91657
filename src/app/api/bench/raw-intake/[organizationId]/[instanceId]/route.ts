import { storeBaselineDelivery } from "~/server/domain/webhooks/store-baseline-delivery";
import { toPublicError } from "~/server/errors";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ organizationId: string; instanceId: string }> };

/** Benchmark baseline (404 unless MIRAGE_BENCH_ROUTES is set): see storeBaselineDelivery. */
export async function POST(request: Request, { params }: Params) {
  const { organizationId, instanceId } = await params;
  try {
    await storeBaselineDelivery({ organizationId, instanceId, body: Buffer.from(await request.arrayBuffer()) });
    return Response.json({ ok: true });
  } catch (error) {
    const published = toPublicError(error);
    return Response.json({ error: published.message }, { status: published.status });
  }
}
