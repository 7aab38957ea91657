import { AppError } from "../../errors";
import type { Actor } from "../members/actor";
import { isPlatformAdmin } from "../members/is-platform-admin";
import type { ErrorContext } from "./sanitize-error-text";
import { inErrorScope } from "./error-scope";
import { errorGroupSummarySelect, toErrorGroupSummary } from "./list-error-groups";

const OCCURRENCES_SHOWN = 10;

/** One error group with its last occurrences (stack, release, trace id, context). */
export async function getErrorGroup(actor: Actor, input: { groupId: string }) {
  // A system-wide group is looked up in the system scope only by platform admins.
  const scope = (await isPlatformAdmin(actor)) ? "system" : "organization";
  const group = await inErrorScope(actor, scope, (tx) =>
    tx.errorGroup.findFirst({
      where: { id: input.groupId, OR: [{ organizationId: actor.organizationId }, { organizationId: null }] },
      select: {
        ...errorGroupSummarySelect,
        occurrences: {
          orderBy: { occurredAt: "desc" },
          take: OCCURRENCES_SHOWN,
          select: { id: true, occurredAt: true, release: true, traceId: true, stack: true, context: true },
        },
      },
    }),
  );
  if (!group) throw new AppError("NOT_FOUND", "errorGroupNotFound");
  return {
    ...toErrorGroupSummary(group),
    occurrences: group.occurrences.map((o) => ({ ...o, context: o.context as ErrorContext })),
  };
}
