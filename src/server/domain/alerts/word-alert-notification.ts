import { organizationWords } from "../../i18n/organization-words";

export interface WordedAlert {
  title: string;
  text: string;
}

/** An alert in the organization's language, for e-mail and webhooks (the bell words it in the browser). */
export function wordAlertNotification(
  organization: { locale: string; timezone: string },
  notification: { kind: string; transition: string; params: Record<string, string | number>; occurredAt: Date },
): WordedAlert {
  const words = organizationWords(organization);
  const title = words.word(`alerts.${notification.transition}.${notification.kind}`, notification.params);
  const at = words.word("alerts.occurredAt", { at: words.dateTime(notification.occurredAt) });
  return { title, text: `${title} (${at})` };
}
