// Liveness: the process answers. Readiness (database, migrations, queue, worker) is /api/health/ready.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ ok: true, uptimeSeconds: Math.round(process.uptime()) });
}
