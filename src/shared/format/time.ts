/**
 * Dates as the organization reads them: every time in the inbox is shown in the organization's time
 * zone (not the browser's), so two agents in different places see the same "Hoje 14:05".
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formatters.set(key, cached);
  }
  return cached;
}

/** `2025-11-24`: the calendar day of an instant in a time zone (for grouping and comparing days). */
export function dayKey(date: Date | string, timeZone: string): string {
  return formatter("en-CA", timeZone, { year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(date));
}

/** The day before a day key, by the calendar (not "minus 24 h", which daylight saving can break). */
function previousDayKey(key: string): string {
  const [year, month, day] = key.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day - 1)).toISOString().slice(0, 10);
}

/** `14:05`. */
export function clockTime(date: Date | string, timeZone: string, locale: string): string {
  return formatter(locale, timeZone, { hour: "2-digit", minute: "2-digit" }).format(new Date(date));
}

/** `24/11/2025 14:05` — for tooltips and lists of events. */
export function dateTime(date: Date | string, timeZone: string, locale: string): string {
  return formatter(locale, timeZone, { dateStyle: "short", timeStyle: "short" }).format(new Date(date));
}

export interface DayLabels {
  today: string;
  yesterday: string;
}

/** Day separators: "Hoje", "Ontem", "segunda-feira, 24 de novembro" (with the year when not this year). */
export function dayLabel(date: Date | string, timeZone: string, locale: string, now: Date, labels: DayLabels): string {
  const key = dayKey(date, timeZone);
  const today = dayKey(now, timeZone);
  if (key === today) return labels.today;
  if (key === previousDayKey(today)) return labels.yesterday;
  const sameYear = key.slice(0, 4) === today.slice(0, 4);
  return formatter(locale, timeZone, {
    weekday: "long",
    day: "numeric",
    month: "long",
    ...(sameYear ? {} : { year: "numeric" }),
  }).format(new Date(date));
}

export interface ListTimeLabels {
  now: string;
  yesterday: string;
  minutes: (count: number) => string;
}

/** The conversation list's compact time: "agora", "5 min", "14:05", "Ontem", "seg.", "24/11/2025". */
export function listTime(
  date: Date | string,
  timeZone: string,
  locale: string,
  now: Date,
  labels: ListTimeLabels,
): string {
  const at = new Date(date);
  const elapsed = now.getTime() - at.getTime();
  if (elapsed < 60_000) return labels.now;
  if (elapsed < 3_600_000) return labels.minutes(Math.floor(elapsed / 60_000));
  const key = dayKey(at, timeZone);
  const today = dayKey(now, timeZone);
  if (key === today) return clockTime(at, timeZone, locale);
  if (key === previousDayKey(today)) return labels.yesterday;
  if (elapsed < 6 * 86_400_000) return formatter(locale, timeZone, { weekday: "short" }).format(at);
  return formatter(locale, timeZone, { dateStyle: "short" }).format(at);
}
