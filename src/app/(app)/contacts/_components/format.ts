/**
 * `+5511987654321` → `+55 11 98765-4321` (Brazilian numbers, which most contacts are); anything else
 * is shown as stored (E.164).
 */
export function formatPhone(phone: string | null): string {
  if (!phone) return "";
  const brazil = /^\+55(\d{2})(\d{4,5})(\d{4})$/.exec(phone);
  return brazil ? `+55 ${brazil[1]} ${brazil[2]}-${brazil[3]}` : phone;
}

/** `1990-03-05` → `05/03/1990` (custom date fields are calendar dates, no time zone). */
export function formatCalendarDate(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : value;
}
