import { z } from "../../../shared/zod";
import { ConsentStatus } from "../../db/generated/enums";
import { campaignOutput } from "./campaign-dto";
import { exclusionReasons } from "./recipient-eligibility";

export const listCampaignsOutput = z.array(campaignOutput.extend({ recipients: z.number(), sent: z.number() }));

export const campaignReportOutput = z.object({
  campaign: campaignOutput,
  funnel: z.object({
    audience: z.number(),
    excluded: z.number(),
    queued: z.number(),
    sent: z.number(),
    delivered: z.number(),
    read: z.number(),
    replied: z.number(),
    optedOut: z.number(),
    failed: z.number(),
    skipped: z.number(),
    unknown: z.number(),
  }),
  exclusions: z.array(z.object({ reason: z.string(), count: z.number() })),
  perInstance: z.array(
    z.object({
      instanceId: z.string(),
      name: z.string(),
      state: z.string(),
      sent: z.number(),
      pending: z.number(),
      failed: z.number(),
    }),
  ),
  perVariant: z.array(
    z.object({
      variant: z.number(),
      sent: z.number(),
      delivered: z.number(),
      read: z.number(),
      replied: z.number(),
      optedOut: z.number(),
    }),
  ),
  /** Estimated finish at the current pace (null when not running or no pace yet). */
  eta: z.string().nullable(),
});

export const saveCampaignOutput = campaignOutput;

export const previewAudienceOutput = z.object({
  total: z.number(),
  /** Contacts the consent rule lets through (the same rule as launch and claims). */
  eligible: z.number(),
  optedIn: z.number(),
  optedOut: z.number(),
  blocked: z.number(),
  sample: z.array(
    z.object({
      id: z.string(),
      name: z.string().nullable(),
      pushName: z.string().nullable(),
      phoneE164: z.string().nullable(),
      consentStatus: z.enum(ConsentStatus),
    }),
  ),
});

export const previewTemplateOutput = z.object({
  unknownVariables: z.array(z.string()),
  samples: z.array(z.object({ contactId: z.string().nullable(), text: z.string() })),
});

export const launchCampaignOutput = z.object({
  audience: z.number(),
  eligible: z.number(),
  excluded: z.partialRecord(z.enum(exclusionReasons), z.number()),
  /** Whether WhatsApp was asked which numbers exist (needs a connected number). */
  numbersChecked: z.boolean(),
});

export const estimateCampaignPaceOutput = z.object({
  /** Contacts the consent rule lets through (launch may still exclude numbers without WhatsApp, repeats). */
  recipients: z.number(),
  numbers: z.array(z.object({ id: z.string(), name: z.string(), state: z.string(), dailySendLimit: z.number() })),
  /** Whether the estimate counts only the connected numbers (the dispatcher sends through nothing else). */
  connectedOnly: z.boolean(),
  perHour: z.number(),
  perDay: z.number(),
  finishAt: z.string().nullable(),
  /** How many would be sent before the window ends. */
  sendable: z.number(),
});

export const planCampaignLaunchOutput = estimateCampaignPaceOutput.extend({ campaignId: z.string(), name: z.string() });
