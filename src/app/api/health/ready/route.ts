import { getReadiness } from "~/server/domain/system/get-readiness";

export const dynamic = "force-dynamic";

export async function GET() {
  const readiness = await getReadiness();
  return Response.json(readiness, { status: readiness.ok ? 200 : 503, headers: { "cache-control": "no-store" } });
}
