import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createRequestContext } from "~/server/api/request-context";
import { retryAfterOf } from "~/server/api/retry-after";
import { appRouter } from "~/server/api/root";

const handler = (request: Request) =>
  fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: () => createRequestContext(request.headers),
    // A rate-limited call says when to come back (RFC 9110 Retry-After), as any HTTP client expects.
    responseMeta: ({ errors }) => {
      const seconds = retryAfterOf(errors);
      return seconds === null ? {} : { headers: new Headers({ "retry-after": String(seconds) }) };
    },
  });

export { handler as GET, handler as POST };
