import { instancesRouter } from "./routers/instances";
import { membersRouter } from "./routers/members";
import { organizationRouter } from "./routers/organization";
import { systemRouter } from "./routers/system";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  organization: organizationRouter,
  instances: instancesRouter,
  members: membersRouter,
  system: systemRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
