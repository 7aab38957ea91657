import { z } from "zod";
import {
  contactFieldIdInput,
  contactIdInput,
  countContactsInput,
  createContactFieldInput,
  createContactInput,
  importIdInput,
  listContactsInput,
  recordContactConsentInput,
  setContactBlockedInput,
  startContactImportInput,
  updateContactInput,
  validateContactImportInput,
} from "../../../shared/schemas/contacts";
import { createContactField, deleteContactField, listContactFields } from "../../domain/contacts/contact-fields";
import { countContacts } from "../../domain/contacts/count-contacts";
import { createContact } from "../../domain/contacts/create-contact";
import { getContact } from "../../domain/contacts/get-contact";
import { getContactImport, listContactImports } from "../../domain/contacts/get-contact-import";
import { listContacts } from "../../domain/contacts/list-contacts";
import { recordContactConsent } from "../../domain/contacts/record-contact-consent";
import { setContactBlocked } from "../../domain/contacts/set-contact-blocked";
import { startContactImport } from "../../domain/contacts/start-contact-import";
import { updateContact } from "../../domain/contacts/update-contact";
import { validateContactImport } from "../../domain/contacts/validate-contact-import";
import { adminProcedure, organizationProcedure, router } from "../trpc";
import {
  countContactsOutput,
  createContactFieldOutput,
  createContactOutput,
  getContactImportOutput,
  getContactOutput,
  listContactFieldsOutput,
  listContactImportsOutput,
  listContactsOutput,
  recordContactConsentOutput,
  setContactBlockedOutput,
  startContactImportOutput,
  updateContactOutput,
  validateContactImportOutput,
} from "../../domain/contacts/contact-outputs";

/** Contacts, their custom fields and imports. Uploads and CSV downloads are route handlers (src/app/api/contacts). */
export const contactsRouter = router({
  list: organizationProcedure
    .input(listContactsInput)
    .output(listContactsOutput)
    .query(({ ctx, input }) => listContacts(ctx.actor, input)),
  count: organizationProcedure
    .input(countContactsInput)
    .output(countContactsOutput)
    .query(({ ctx, input }) => countContacts(ctx.actor, input)),
  get: organizationProcedure
    .input(contactIdInput)
    .output(getContactOutput)
    .query(({ ctx, input }) => getContact(ctx.actor, input)),
  create: organizationProcedure
    .input(createContactInput)
    .output(createContactOutput)
    .mutation(({ ctx, input }) => createContact(ctx.actor, input)),
  update: organizationProcedure
    .input(updateContactInput)
    .output(updateContactOutput)
    .mutation(({ ctx, input }) => updateContact(ctx.actor, input)),
  /** Any member blocks; unblocking takes an admin (checked in the domain). */
  setBlocked: organizationProcedure
    .input(setContactBlockedInput)
    .output(setContactBlockedOutput)
    .mutation(({ ctx, input }) => setContactBlocked(ctx.actor, input)),
  recordConsent: organizationProcedure
    .input(recordContactConsentInput)
    .output(recordContactConsentOutput)
    .mutation(({ ctx, input }) => recordContactConsent(ctx.actor, input)),

  fields: router({
    list: organizationProcedure.output(listContactFieldsOutput).query(({ ctx }) => listContactFields(ctx.actor)),
    create: adminProcedure
      .input(createContactFieldInput)
      .output(createContactFieldOutput)
      .mutation(({ ctx, input }) => createContactField(ctx.actor, input)),
    delete: adminProcedure
      .input(contactFieldIdInput)
      .output(z.void())
      .mutation(({ ctx, input }) => deleteContactField(ctx.actor, input)),
  }),

  imports: router({
    list: adminProcedure.output(listContactImportsOutput).query(({ ctx }) => listContactImports(ctx.actor)),
    get: adminProcedure
      .input(importIdInput)
      .output(getContactImportOutput)
      .query(({ ctx, input }) => getContactImport(ctx.actor, input)),
    validate: adminProcedure
      .input(validateContactImportInput)
      .output(validateContactImportOutput)
      .mutation(({ ctx, input }) => validateContactImport(ctx.actor, input)),
    start: adminProcedure
      .input(startContactImportInput)
      .output(startContactImportOutput)
      .mutation(({ ctx, input }) => startContactImport(ctx.actor, input)),
  }),
});
