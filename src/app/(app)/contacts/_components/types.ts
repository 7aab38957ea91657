import type { RouterOutputs } from "~/trpc/types";

type Contacts = RouterOutputs["contacts"];

export type ContactListItem = Contacts["list"]["items"][number];
export type ContactTagDto = ContactListItem["tags"][number];
export type ContactDetail = Contacts["get"];
export type ConsentEntryDto = ContactDetail["consentHistory"][number];
export type ContactFieldDto = Contacts["fields"]["list"][number];
export type ImportReport = Contacts["imports"]["validate"];
export type ContactImportDto = Contacts["imports"]["get"];
export type { ImportPreview } from "~/shared/schemas/contacts";
