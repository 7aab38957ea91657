export {
  alertChannelsOutput,
  listAlertNotificationsOutput,
  listAlertRulesOutput,
  markAlertsReadOutput,
  saveAlertChannelsOutput,
  alertRuleOutput as saveAlertRuleOutput,
} from "../../../shared/schemas/alerts";
