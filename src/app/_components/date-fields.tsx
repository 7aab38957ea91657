"use client";

import { DateInput, DateTimePicker, type DateInputProps, type DateTimePickerProps } from "@mantine/dates";
import { useLocale } from "next-intl";

/** How dates are written in each UI language: 24/11/2025 and 14:05 in pt-BR, 11/24/2025 and 2:05 PM in English. */
function formatsFor(locale: string) {
  return locale === "pt-BR"
    ? { date: "DD/MM/YYYY", dateTime: "DD/MM/YYYY HH:mm", time: "24h" as const }
    : { date: "MM/DD/YYYY", dateTime: "MM/DD/YYYY h:mm A", time: "12h" as const };
}

/** A calendar date (`YYYY-MM-DD`, or "" for none) typed or picked in the UI language's format. */
export function DateField({
  value,
  onChange,
  ...props
}: { value: string; onChange: (value: string) => void } & Omit<DateInputProps, "value" | "onChange">) {
  const formats = formatsFor(useLocale());
  return (
    <DateInput
      valueFormat={formats.date}
      placeholder={formats.date.toLowerCase()}
      clearable
      {...props}
      value={value || null}
      onChange={(next) => onChange(next ?? "")}
    />
  );
}

/**
 * A wall-clock date and time (`YYYY-MM-DDTHH:mm`, as `datetime-local` writes it, or "" for none) in the
 * UI language's format, with a 24-hour clock in pt-BR.
 */
export function DateTimeField({
  value,
  onChange,
  ...props
}: { value: string; onChange: (value: string) => void } & Omit<DateTimePickerProps, "value" | "onChange">) {
  const formats = formatsFor(useLocale());
  return (
    <DateTimePicker
      valueFormat={formats.dateTime}
      clearable
      {...props}
      timePickerProps={{ format: formats.time, ...props.timePickerProps }}
      value={value ? `${value.replace("T", " ")}:00` : null}
      onChange={(next) => onChange(next ? next.slice(0, 16).replace(" ", "T") : "")}
    />
  );
}
