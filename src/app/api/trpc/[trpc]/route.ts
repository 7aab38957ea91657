import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "~/server/api/root";
import { getSessionIdentity } from "~/server/auth/session";

const handler = (request: Request) =>
  fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: async () => ({
      identity: await getSessionIdentity(),
      requestId: request.headers.get("x-request-id") ?? "",
    }),
  });

export { handler as GET, handler as POST };
