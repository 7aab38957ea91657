import { publicRoute } from "~/server/api/route-handler";
import { getReadiness } from "~/server/domain/system/get-readiness";

export const dynamic = "force-dynamic";

export const GET = publicRoute(async () => {
  const readiness = await getReadiness();
  return Response.json(readiness, { status: readiness.ok ? 200 : 503, headers: { "cache-control": "no-store" } });
});
