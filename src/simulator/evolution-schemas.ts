/** Request schemas copied from Evolution 2.3.6 (`src/validate/*.schema.ts`), key order included: it orders the errors. */
import { WEBHOOK_CONFIG_EVENTS } from "./events.ts";
import { isNotEmpty, type JsonSchema } from "./json-schema.ts";

/** The events the legacy flat `webhookEvents` create field may list (the schema type-checks it, the controller ignores it). */
const legacyEventNames = WEBHOOK_CONFIG_EVENTS.slice(0, WEBHOOK_CONFIG_EVENTS.indexOf("TYPEBOT_CHANGE_STATUS") + 1);

export const instanceSchema: JsonSchema = {
  type: "object",
  properties: {
    instanceName: { type: "string" },
    token: { type: "string" },
    number: { type: "string", pattern: "^\\d+[\\.@\\w-]+" },
    businessId: { type: "string" },
    qrcode: { type: "boolean" },
    rejectCall: { type: "boolean" },
    msgCall: { type: "string" },
    groupsIgnore: { type: "boolean" },
    alwaysOnline: { type: "boolean" },
    readMessages: { type: "boolean" },
    readStatus: { type: "boolean" },
    syncFullHistory: { type: "boolean" },
    wavoipToken: { type: "string" },
    proxyHost: { type: "string" },
    proxyPort: { type: "string" },
    proxyProtocol: { type: "string" },
    proxyUsername: { type: "string" },
    proxyPassword: { type: "string" },
    webhookUrl: { type: "string" },
    webhookByEvents: { type: "boolean" },
    webhookBase64: { type: "boolean" },
    webhookEvents: { type: "array", minItems: 0, items: { type: "string", enum: legacyEventNames } },
  },
  ...isNotEmpty("instanceName"),
};

export const webhookSchema: JsonSchema = {
  type: "object",
  properties: {
    webhook: {
      type: "object",
      properties: {
        enabled: { type: "boolean" },
        url: { type: "string" },
        headers: { type: "object" },
        byEvents: { type: "boolean" },
        base64: { type: "boolean" },
        events: { type: "array", minItems: 0, items: { type: "string", enum: WEBHOOK_CONFIG_EVENTS } },
      },
      required: ["enabled", "url"],
      ...isNotEmpty("enabled", "url"),
    },
  },
  required: ["webhook"],
};

const settingFlags = ["rejectCall", "groupsIgnore", "alwaysOnline", "readMessages", "readStatus", "syncFullHistory"];

export const settingsSchema: JsonSchema = {
  type: "object",
  properties: {
    rejectCall: { type: "boolean" },
    msgCall: { type: "string" },
    groupsIgnore: { type: "boolean" },
    alwaysOnline: { type: "boolean" },
    readMessages: { type: "boolean" },
    readStatus: { type: "boolean" },
    syncFullHistory: { type: "boolean" },
    wavoipToken: { type: "string" },
  },
  required: settingFlags,
  ...isNotEmpty(...settingFlags),
};

const numberDefinition: JsonSchema = { type: "string", description: "Invalid format" };
const delayDefinition: JsonSchema = { type: "integer", description: "Enter a value in milliseconds" };
const quotedDefinition: JsonSchema = {
  properties: {
    key: {
      type: "object",
      properties: {
        id: { type: "string" },
        remoteJid: { type: "string" },
        fromMe: { type: "boolean", enum: [true, false] },
      },
      required: ["id"],
      ...isNotEmpty("id"),
    },
    message: { type: "object" },
  },
};
const mentionedDefinition: JsonSchema = {
  type: "array",
  minItems: 1,
  uniqueItems: true,
  items: { type: "string", pattern: "^\\d+", description: '"mentioned" must be an array of numeric strings' },
};

export const textMessageSchema: JsonSchema = {
  type: "object",
  properties: {
    number: numberDefinition,
    text: { type: "string" },
    linkPreview: { type: "boolean" },
    delay: delayDefinition,
    quoted: quotedDefinition,
    everyOne: { type: "boolean", enum: [true, false] },
    mentioned: mentionedDefinition,
  },
  required: ["number", "text"],
};

export const mediaMessageSchema: JsonSchema = {
  type: "object",
  properties: {
    number: numberDefinition,
    mediatype: { type: "string", enum: ["image", "document", "video", "audio"] },
    mimetype: { type: "string" },
    media: { type: "string" },
    fileName: { type: "string" },
    caption: { type: "string" },
    delay: delayDefinition,
    quoted: quotedDefinition,
    everyOne: { type: "boolean", enum: [true, false] },
    mentioned: mentionedDefinition,
  },
  required: ["number", "mediatype"],
};

export const whatsappNumbersSchema: JsonSchema = {
  type: "object",
  properties: {
    numbers: {
      type: "array",
      minItems: 1,
      uniqueItems: true,
      items: { type: "string", description: '"numbers" must be an array of numeric strings' },
    },
  },
};

export const readMessagesSchema: JsonSchema = {
  type: "object",
  properties: {
    readMessages: {
      type: "array",
      minItems: 1,
      uniqueItems: true,
      items: {
        properties: {
          id: { type: "string" },
          fromMe: { type: "boolean", enum: [true, false] },
          remoteJid: { type: "string" },
        },
        required: ["id", "fromMe", "remoteJid"],
        ...isNotEmpty("id", "remoteJid"),
      },
    },
  },
  required: ["readMessages"],
};

export const findMessagesSchema: JsonSchema = {
  type: "object",
  properties: {
    where: {
      type: "object",
      properties: {
        _id: { type: "string", minLength: 1 },
        key: {
          type: "object",
          if: { propertyNames: { enum: ["fromMe", "remoteJid", "id"] } },
          then: {
            properties: {
              remoteJid: { type: "string", minLength: 1, description: "The property cannot be empty" },
              id: { type: "string", minLength: 1, description: "The property cannot be empty" },
              fromMe: { type: "boolean", enum: [true, false] },
            },
          },
        },
        message: { type: "object" },
      },
      ...isNotEmpty("_id"),
    },
    limit: { type: "integer" },
  },
};
