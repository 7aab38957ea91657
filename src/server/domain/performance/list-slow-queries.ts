import { withPlatform } from "../../db/tenant";
import { AppError } from "../../errors";
import type { Actor } from "../members/actor";
import { isPlatformAdmin } from "../members/is-platform-admin";

const LIST_LIMIT = 100;

/** The app's slowest statements (SLOW_QUERY_MS), worst first, with their plans: platform admins only. */
export async function listSlowQueries(actor: Actor) {
  if (!(await isPlatformAdmin(actor))) throw new AppError("FORBIDDEN", "platformAdminsOnly");
  return withPlatform((tx) =>
    tx.slowQuery.findMany({
      orderBy: { maxMs: "desc" },
      take: LIST_LIMIT,
      select: {
        id: true,
        query: true,
        count: true,
        totalMs: true,
        maxMs: true,
        lastMs: true,
        explain: true,
        firstSeenAt: true,
        lastSeenAt: true,
      },
    }),
  );
}
