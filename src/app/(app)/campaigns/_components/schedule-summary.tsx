"use client";

import { useLocale, useTranslations } from "next-intl";
import type { SendSchedule } from "./types";
import { weekdayList } from "./weekdays";

/** "seg.–sex., 09:00–18:00 · pausa 12:00–13:00 · sem feriados nacionais" — hours in the organization's zone. */
export function useWindowSummary() {
  const t = useTranslations("campaigns.window");
  const locale = useLocale();
  return (schedule: Pick<SendSchedule, "weekdays" | "from" | "to" | "quietFrom" | "quietTo" | "skipHolidays">) =>
    [
      `${weekdayList(schedule.weekdays, locale, t("everyDay"))}, ${schedule.from}–${schedule.to}`,
      schedule.quietFrom && schedule.quietTo && t("quiet", { from: schedule.quietFrom, to: schedule.quietTo }),
      schedule.skipHolidays && t("skipHolidays"),
    ]
      .filter(Boolean)
      .join(" · ");
}
