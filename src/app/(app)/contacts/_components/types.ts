export type { ContactListItem, ContactTagDto } from "~/server/domain/contacts/contact-dto";
export type { ContactDetail, ConsentEntryDto } from "~/server/domain/contacts/get-contact";
export type { ContactFieldDto } from "~/server/domain/contacts/contact-fields";
export type { ImportPreview } from "~/server/domain/contacts/preview-contact-import";
export type { ImportReport } from "~/server/domain/contacts/validate-contact-import";
export type { ContactImportDto } from "~/server/domain/contacts/import/import-dto";
