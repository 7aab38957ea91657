import { createTranslator } from "use-intl/core";
import en from "../../i18n/messages/en.json";
import ptBR from "../../i18n/messages/pt-BR.json";
import { toLocale, type Locale } from "../../i18n/locales";

const catalogs: Record<Locale, typeof ptBR> = { "pt-BR": ptBR, en };

/**
 * Words and formats for what the server hands people directly (CSV exports): the organization's
 * locale and time zone, from the same messages the UI uses.
 */
export function organizationWords(organization: { locale: string; timezone: string }) {
  const locale = toLocale(organization.locale);
  const t = createTranslator({ locale, messages: catalogs[locale], timeZone: organization.timezone });
  const dateTime = new Intl.DateTimeFormat(locale, {
    timeZone: organization.timezone,
    dateStyle: "short",
    timeStyle: "short",
  });
  return {
    locale,
    /** A message by its full key (`exports.contacts.name`), worded with `values`. */
    word: (key: string, values?: Record<string, string | number>): string => t(key as never, values as never),
    has: (key: string): boolean => t.has(key as never),
    /** `05/03/2026 14:30` in pt-BR, `3/5/26, 2:30 PM` in English, in the organization's zone. */
    dateTime: (date: Date): string => dateTime.format(date).replace(/,(?= \d)/, ""),
  };
}

export type OrganizationWords = ReturnType<typeof organizationWords>;
