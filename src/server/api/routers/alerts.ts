import { markAlertsReadInput, saveAlertChannelsInput, saveAlertRuleInput } from "../../../shared/schemas/alerts";
import { getAlertChannels, saveAlertChannels } from "../../domain/alerts/alert-channels";
import {
  alertChannelsOutput,
  listAlertNotificationsOutput,
  listAlertRulesOutput,
  markAlertsReadOutput,
  saveAlertChannelsOutput,
  saveAlertRuleOutput,
} from "../../domain/alerts/alert-outputs";
import { listAlertNotifications } from "../../domain/alerts/list-alert-notifications";
import { listAlertRules } from "../../domain/alerts/list-alert-rules";
import { markAlertsRead } from "../../domain/alerts/mark-alerts-read";
import { saveAlertRule } from "../../domain/alerts/save-alert-rule";
import { adminProcedure, organizationProcedure, router } from "../trpc";

export const alertsRouter = router({
  rules: organizationProcedure.output(listAlertRulesOutput).query(({ ctx }) => listAlertRules(ctx.actor)),
  saveRule: adminProcedure
    .input(saveAlertRuleInput)
    .output(saveAlertRuleOutput)
    .mutation(({ ctx, input }) => saveAlertRule(ctx.actor, input)),
  channels: adminProcedure.output(alertChannelsOutput).query(({ ctx }) => getAlertChannels(ctx.actor)),
  saveChannels: adminProcedure
    .input(saveAlertChannelsInput)
    .output(saveAlertChannelsOutput)
    .mutation(({ ctx, input }) => saveAlertChannels(ctx.actor, input)),
  notifications: organizationProcedure
    .output(listAlertNotificationsOutput)
    .query(({ ctx }) => listAlertNotifications(ctx.actor)),
  markRead: organizationProcedure
    .input(markAlertsReadInput)
    .output(markAlertsReadOutput)
    .mutation(({ ctx, input }) => markAlertsRead(ctx.actor, input)),
});
