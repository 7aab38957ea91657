/** Whether `at` falls inside the business hours, read in the organization's time zone. */
export function withinBusinessHours(
  at: Date,
  timeZone: string,
  hours: { businessStartMinute: number; businessEndMinute: number; businessDays: readonly number[] },
): boolean {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const isoWeekday = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(part("weekday")) + 1;
  const minute = Number(part("hour")) * 60 + Number(part("minute"));
  return (
    hours.businessDays.includes(isoWeekday) && minute >= hours.businessStartMinute && minute < hours.businessEndMinute
  );
}
