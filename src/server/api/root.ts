import { accessRouter } from "./routers/access";
import { accountRouter } from "./routers/account";
import { auditRouter } from "./routers/audit";
import { aiRouter } from "./routers/ai";
import { alertsRouter } from "./routers/alerts";
import { aiPromptsRouter } from "./routers/ai-prompts";
import { aiRepliesRouter } from "./routers/ai-replies";
import { errorsRouter } from "./routers/errors";
import { flagsRouter } from "./routers/flags";
import { performanceRouter } from "./routers/performance";
import { backupsRouter } from "./routers/backups";
import { analyticsRouter } from "./routers/analytics";
import { reportsRouter } from "./routers/reports";
import { campaignsRouter } from "./routers/campaigns";
import { contactsRouter } from "./routers/contacts";
import { conversationsRouter } from "./routers/conversations";
import { instancesRouter } from "./routers/instances";
import { legalRouter } from "./routers/legal";
import { membersRouter } from "./routers/members";
import { organizationRouter } from "./routers/organization";
import { privacyRouter } from "./routers/privacy";
import { quickRepliesRouter } from "./routers/quick-replies";
import { systemRouter } from "./routers/system";
import { tagsRouter } from "./routers/tags";
import { webhooksRouter } from "./routers/webhooks";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  organization: organizationRouter,
  account: accountRouter,
  access: accessRouter,
  audit: auditRouter,
  instances: instancesRouter,
  members: membersRouter,
  system: systemRouter,
  conversations: conversationsRouter,
  tags: tagsRouter,
  quickReplies: quickRepliesRouter,
  webhooks: webhooksRouter,
  contacts: contactsRouter,
  campaigns: campaignsRouter,
  ai: aiRouter,
  aiReplies: aiRepliesRouter,
  aiPrompts: aiPromptsRouter,
  flags: flagsRouter,
  analytics: analyticsRouter,
  reports: reportsRouter,
  alerts: alertsRouter,
  privacy: privacyRouter,
  legal: legalRouter,
  errors: errorsRouter,
  performance: performanceRouter,
  backups: backupsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
