import "server-only";
import type { Actor } from "../domain/members/actor";
import { requireActor } from "../auth/require-actor";
import { recordError } from "../domain/errors/record-error";
import { getSessionIdentity } from "../auth/session";
import { errorResponse, logRouteError } from "./http-error";

/** What Next passes a route handler's second argument; `params` is empty for a static path. */
interface NextRouteContext<Params> {
  params: Promise<Params>;
}

type EmptyParams = Record<string, never>;

export interface PublicRouteInput<Params> {
  request: Request;
  params: Params;
}

export interface MemberRouteInput<Params> extends PublicRouteInput<Params> {
  actor: Actor;
}

/**
 * A route handler with the one error mapping of the app (`errorResponse`) and a log line per failure.
 * For routes that authenticate in their own way (health, metrics, bench) or not at all.
 */
export function publicRoute<Params = EmptyParams>(handler: (input: PublicRouteInput<Params>) => Promise<Response>) {
  return async (request: Request, context: NextRouteContext<Params>): Promise<Response> => {
    const started = performance.now();
    try {
      return await handler({ request, params: await context.params });
    } catch (error) {
      const path = new URL(request.url).pathname;
      const published = logRouteError(
        { method: request.method, path, ms: Math.round(performance.now() - started) },
        error,
      );
      if (published.status >= 500)
        await recordError({ source: "web", error, context: { method: request.method, path } });
      return errorResponse(error);
    }
  };
}

/**
 * A route handler for members of the session's organization: the actor comes from `requireActor`,
 * the same check as tRPC's `organizationProcedure` (401 signed out, 403 no longer a member).
 */
export function memberRoute<Params = EmptyParams>(handler: (input: MemberRouteInput<Params>) => Promise<Response>) {
  return publicRoute<Params>(async ({ request, params }) => {
    const actor = await requireActor(await getSessionIdentity());
    return handler({ request, params, actor });
  });
}
