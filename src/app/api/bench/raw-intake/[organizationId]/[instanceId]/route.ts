import { publicRoute } from "~/server/api/route-handler";
import { storeBaselineDelivery } from "~/server/domain/webhooks/store-baseline-delivery";

export const dynamic = "force-dynamic";

/** Benchmark baseline (404 unless MIRAGE_BENCH_ROUTES is set): see storeBaselineDelivery. */
export const POST = publicRoute<{ organizationId: string; instanceId: string }>(async ({ request, params }) => {
  const { organizationId, instanceId } = params;
  await storeBaselineDelivery({ organizationId, instanceId, body: Buffer.from(await request.arrayBuffer()) });
  return Response.json({ ok: true });
});
