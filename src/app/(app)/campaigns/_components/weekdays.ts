/** Weekday names as the locale writes them (0 = Sunday, as the schedule stores them). */
export function weekdayNames(locale: string, width: "short" | "long" = "short"): string[] {
  const format = new Intl.DateTimeFormat(locale, { weekday: width, timeZone: "UTC" });
  // 2024-01-07 was a Sunday.
  return Array.from({ length: 7 }, (_, day) => format.format(new Date(Date.UTC(2024, 0, 7 + day))));
}

/** `[1,2,3,4,5]` → "seg.–sex."; `[1,3,5]` → "seg., qua., sex."; runs of three or more are ranges. */
export function weekdayList(days: number[], locale: string, everyDay: string): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  if (sorted.length === 7) return everyDay;
  const names = weekdayNames(locale);
  const runs: number[][] = [];
  for (const day of sorted) {
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1] === day - 1) run.push(day);
    else runs.push([day]);
  }
  return runs
    .flatMap((run) =>
      run.length >= 3 ? [`${names[run[0]!]}–${names[run[run.length - 1]!]}`] : run.map((day) => names[day]!),
    )
    .join(", ");
}
