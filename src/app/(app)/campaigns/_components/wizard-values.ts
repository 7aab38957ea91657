import type { z } from "zod";
import type { LegalBasisName, saveCampaignInput } from "~/shared/schemas/campaigns";
import type { CampaignDto, UploadedFile } from "./types";
import { fromZonedInput, toZonedDate, toZonedInput } from "./zoned-time";

export type SaveCampaignInput = z.input<typeof saveCampaignInput>;
export type AudienceConsent = "opted_in" | "opted_in_or_unknown";

export interface AudienceValues {
  tagIds: string[];
  instanceIds: string[];
  consent: AudienceConsent;
  /** `date` input values (organization's calendar days), "" for none. */
  after: string;
  before: string;
  fields: { key: string; value: string }[];
}

export interface VariantValues {
  body: string;
  media: UploadedFile | null;
}

/** The wizard's form: what the person types, converted to the API's input only when saving. */
export interface WizardValues {
  name: string;
  legalBasis: LegalBasisName;
  audience: AudienceValues;
  variants: VariantValues[];
  instanceIds: string[];
  limits: {
    perMinute: number;
    perHour: number;
    perDay: number;
    minIntervalSeconds: number;
    maxIntervalSeconds: number;
  };
  schedule: {
    /** `datetime-local` values in the organization's zone. */
    startAt: string;
    endAt: string;
    weekdays: number[];
    from: string;
    to: string;
    quiet: boolean;
    quietFrom: string;
    quietTo: string;
    skipHolidays: boolean;
  };
  recentContactDays: number;
  /** Percentages (0–100) for the person; the API takes shares (0–1). */
  thresholds: { failurePercent: number; optOutPercent: number; minSample: number };
}

export const MAX_VARIANTS = 3;

export function defaultValues(timeZone: string, now = new Date()): WizardValues {
  // Now (to the minute): a campaign launched later than this starts at once.
  const start = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  return {
    name: "",
    legalBasis: "consent",
    audience: { tagIds: [], instanceIds: [], consent: "opted_in", after: "", before: "", fields: [] },
    variants: [{ body: "", media: null }],
    instanceIds: [],
    limits: { perMinute: 20, perHour: 600, perDay: 2000, minIntervalSeconds: 8, maxIntervalSeconds: 20 },
    schedule: {
      startAt: toZonedInput(start, timeZone),
      endAt: "",
      weekdays: [1, 2, 3, 4, 5],
      from: "09:00",
      to: "18:00",
      quiet: false,
      quietFrom: "12:00",
      quietTo: "13:00",
      skipHolidays: true,
    },
    recentContactDays: 7,
    thresholds: { failurePercent: 20, optOutPercent: 5, minSample: 20 },
  };
}

/** The audience as `previewAudience` and `save` take it. */
export function audienceInput(audience: AudienceValues, timeZone: string): SaveCampaignInput["audience"] {
  return {
    tagIds: audience.tagIds,
    instanceIds: audience.instanceIds,
    consent: audience.consent,
    lastInteraction: {
      after: audience.after ? fromZonedInput(audience.after, timeZone) : null,
      before: audience.before ? fromZonedInput(audience.before, timeZone) : null,
    },
    fields: audience.fields.filter((field) => field.key),
  };
}

export function toSaveInput(values: WizardValues, timeZone: string, id: string | null): SaveCampaignInput {
  const { schedule } = values;
  return {
    id,
    name: values.name,
    legalBasis: values.legalBasis,
    audience: audienceInput(values.audience, timeZone),
    variants: values.variants.map((variant) => ({ body: variant.body, media: variant.media })),
    instanceIds: values.instanceIds,
    limits: values.limits,
    schedule: {
      // An unreadable start is sent as typed, for the server's field error.
      startAt: fromZonedInput(schedule.startAt, timeZone) ?? schedule.startAt,
      endAt: schedule.endAt ? (fromZonedInput(schedule.endAt, timeZone) ?? schedule.endAt) : null,
      weekdays: [...schedule.weekdays].sort((a, b) => a - b),
      from: schedule.from,
      to: schedule.to,
      quietFrom: schedule.quiet ? schedule.quietFrom : null,
      quietTo: schedule.quiet ? schedule.quietTo : null,
      skipHolidays: schedule.skipHolidays,
    },
    recentContactDays: values.recentContactDays,
    thresholds: {
      failureRate: values.thresholds.failurePercent / 100,
      optOutRate: values.thresholds.optOutPercent / 100,
      minSample: values.thresholds.minSample,
    },
  };
}

/** A saved draft back in the wizard. */
export function fromCampaign(campaign: CampaignDto, timeZone: string): WizardValues {
  const { audience, schedule } = campaign;
  return {
    name: campaign.name,
    legalBasis: campaign.legalBasis,
    audience: {
      tagIds: audience.tagIds,
      instanceIds: audience.instanceIds,
      consent: audience.consent,
      after: audience.lastInteraction.after ? toZonedDate(audience.lastInteraction.after, timeZone) : "",
      before: audience.lastInteraction.before ? toZonedDate(audience.lastInteraction.before, timeZone) : "",
      fields: audience.fields,
    },
    variants: campaign.variants.map((variant) => ({ body: variant.body, media: variant.media ?? null })),
    instanceIds: campaign.instanceIds,
    limits: campaign.limits,
    schedule: {
      startAt: toZonedInput(schedule.startAt, timeZone),
      endAt: schedule.endAt ? toZonedInput(schedule.endAt, timeZone) : "",
      weekdays: schedule.weekdays,
      from: schedule.from,
      to: schedule.to,
      quiet: !!(schedule.quietFrom && schedule.quietTo),
      quietFrom: schedule.quietFrom ?? "12:00",
      quietTo: schedule.quietTo ?? "13:00",
      skipHolidays: schedule.skipHolidays,
    },
    recentContactDays: campaign.recentContactDays,
    thresholds: {
      failurePercent: Math.round(campaign.thresholds.failureRate * 1000) / 10,
      optOutPercent: Math.round(campaign.thresholds.optOutRate * 1000) / 10,
      minSample: campaign.thresholds.minSample,
    },
  };
}

export const steps = ["audience", "message", "numbers", "schedule", "review"] as const;
export type StepName = (typeof steps)[number];

/** The step whose form holds a field the server (or the wizard) flagged, by its dot path. */
export function stepOfField(path: string): number {
  const root = path.split(".")[0];
  if (root === "audience") return 0;
  if (root === "variants") return 1;
  if (root === "instanceIds" || root === "limits") return 2;
  if (root === "schedule" || root === "recentContactDays" || root === "thresholds") return 3;
  return 4;
}

/** Half-hour steps for the sending window: "00:00" … "24:00". */
export function halfHours(includeMidnightEnd: boolean): string[] {
  const times: string[] = [];
  for (let minutes = 0; minutes <= 24 * 60; minutes += 30) {
    if (minutes === 24 * 60 && !includeMidnightEnd) break;
    times.push(`${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`);
  }
  return times;
}

/** Built-in template variables (src/server/domain/campaigns/message-template.ts). */
export const BUILT_IN_VARIABLES = ["nome", "primeiro_nome", "telefone"] as const;

/**
 * What the wizard can tell before asking the server, as message keys (`campaigns.errors.*`) by field
 * path; the server checks everything again and its field errors land in the same places.
 */
export function clientErrors(values: WizardValues, step: number, timeZone: string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (step === 1)
    values.variants.forEach((variant, index) => {
      if (!variant.body.trim()) errors[`variants.${index}.body`] = "bodyRequired";
    });
  if (step === 2) {
    if (values.instanceIds.length === 0) errors.instanceIds = "instanceRequired";
    if (values.limits.maxIntervalSeconds < values.limits.minIntervalSeconds)
      errors["limits.maxIntervalSeconds"] = "intervalOrder";
  }
  if (step === 3) {
    const { schedule } = values;
    const start = fromZonedInput(schedule.startAt, timeZone);
    const end = schedule.endAt ? fromZonedInput(schedule.endAt, timeZone) : null;
    if (!start) errors["schedule.startAt"] = "startRequired";
    if (start && end && end <= start) errors["schedule.endAt"] = "endAfterStart";
    if (schedule.weekdays.length === 0) errors["schedule.weekdays"] = "weekdayRequired";
    if (schedule.from >= schedule.to) errors["schedule.to"] = "hoursOrder";
  }
  if (step === 4 && values.name.trim().length < 2) errors.name = "nameRequired";
  return errors;
}
