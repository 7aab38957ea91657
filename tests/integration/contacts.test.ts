import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { withOrganization } from "~/server/db/tenant";
import { previewContactImport } from "~/server/domain/contacts/preview-contact-import";
import { runContactImport } from "~/server/domain/contacts/run-contact-import";
import { type AppError, toPublicError } from "~/server/errors";
import type { ImportMapping } from "~/shared/schemas/contacts";
import { addMemberWithPassword, callerFor, makeOrganization, TEST_PASSWORD } from "../support/factory";
import { signInOverHttp } from "../support/http-session";
import { deliver, inboxFixture } from "../support/inbox-pipeline";
import { textUpsert } from "../support/evolution-payloads";
import { baseUrl } from "../support/test-env";

type Org = Awaited<ReturnType<typeof makeOrganization>>;
type Caller = ReturnType<typeof callerFor>;

const ownerActor = (org: Org) => ({ userId: org.ownerId, organizationId: org.organizationId, role: "owner" as const });

/** Step 1 (the upload route's domain call) for tests that do not need the HTTP round trip. */
function upload(org: Org, text: string | Buffer, fileName = "contatos.csv") {
  return previewContactImport(ownerActor(org), {
    bytes: typeof text === "string" ? Buffer.from(text, "utf8") : text,
    fileName,
  });
}

async function waitForImport(caller: Caller, importId: string, timeout = 30_000) {
  await expect
    .poll(async () => (await caller.contacts.imports.get({ importId })).status, { timeout, interval: 100 })
    .toMatch(/completed|failed/);
  return caller.contacts.imports.get({ importId });
}

async function importAll(
  caller: Caller,
  importId: string,
  mapping: ImportMapping,
  consent: { legalBasis?: "consent" | "legitimate_interest"; evidence?: string } = {},
) {
  await caller.contacts.imports.validate({ importId, mapping });
  await caller.contacts.imports.start({ importId, mapping, ...consent });
  return waitForImport(caller, importId);
}

async function uploadOverHttp(cookie: string, bytes: Buffer, fileName: string) {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(bytes)]), fileName);
  const response = await fetch(`${baseUrl}/api/contacts/import`, { method: "POST", headers: { cookie }, body: form });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function allContacts(caller: Caller, filter = {}) {
  return (await caller.contacts.list({ filter, sort: "name", limit: 100 })).items;
}

const evidence = "Planilha clientes-2026.csv, coluna consentimento";

/** The error as the API publishes it (code, message, field errors), for calls expected to fail. */
function refused(call: Promise<unknown>) {
  return call.then(
    () => {
      throw new Error("expected the call to be refused");
    },
    (error: unknown) => toPublicError(error),
  );
}

describe("contacts: list, search and filters", () => {
  it("searches by name without accents, phone digits and the legacy 8-digit form; filters combine; count agrees", async () => {
    const { org, owner, instanceId, providerName } = await inboxFixture();
    // One contact talked to us on the instance (conversation + last interaction).
    await deliver(
      org.organizationId,
      instanceId,
      textUpsert(providerName, { remoteJid: "5511987650001@s.whatsapp.net" }, "oi", { pushName: "Zeca" }),
    );
    const joao = await owner.contacts.create({ phone: "(31) 9999-8888", name: "João Conceição" });
    const ana = await owner.contacts.create({ phone: "+55 21 97000-1234", name: "Ana" });
    const bia = await owner.contacts.create({ phone: "21 3333-4444", name: "Bia" });
    expect(joao.created).toBe(true);
    const vip = await owner.tags.create({ name: "VIP", color: "red" });
    const loja = await owner.tags.create({ name: "Loja", color: "blue" });
    await owner.contacts.update({ contactId: ana.contactId, tagIds: [vip.id, loja.id] });
    await owner.contacts.update({ contactId: joao.contactId, tagIds: [vip.id] });
    await owner.contacts.recordConsent({
      contactId: ana.contactId,
      status: "opted_in",
      legalBasis: "consent",
      evidence: "Formulário do site",
    });
    await owner.contacts.recordConsent({ contactId: bia.contactId, status: "opted_out" });
    await owner.contacts.setBlocked({ contactId: bia.contactId, blocked: true, reason: "Pediu por telefone" });

    const names = async (filter: object) => (await allContacts(owner, filter)).map((c) => c.displayName);
    expect(await names({})).toEqual(["Ana", "Bia", "João Conceição", "Zeca"]);
    expect(await names({ search: "joao conceicao" })).toEqual(["João Conceição"]);
    expect(await names({ search: "JOÃO" })).toEqual(["João Conceição"]);
    expect(await names({ search: "97000" })).toEqual(["Ana"]);
    expect(await names({ search: "(31) 9999-8888" })).toEqual(["João Conceição"]);
    expect(await names({ search: "zec" })).toEqual(["Zeca"]);
    expect(await names({ tagIds: [vip.id] })).toEqual(["Ana", "João Conceição"]);
    expect(await names({ tagIds: [vip.id, loja.id], tagMode: "all" })).toEqual(["Ana"]);
    expect(await names({ consent: ["opted_in"] })).toEqual(["Ana"]);
    expect(await names({ consent: ["opted_out", "unknown"] })).toEqual(["Bia", "João Conceição", "Zeca"]);
    expect(await names({ instanceId })).toEqual(["Zeca"]);
    expect(await names({ neverInteracted: true })).toEqual(["Ana", "Bia", "João Conceição"]);
    expect(await names({ interactedAfter: new Date(Date.now() - 3_600_000).toISOString() })).toEqual(["Zeca"]);
    expect(await names({ interactedBefore: new Date(Date.now() - 3_600_000).toISOString() })).toEqual([]);
    expect(await names({ blocked: true })).toEqual(["Bia"]);
    expect(await names({ blocked: false, tagIds: [vip.id] })).toEqual(["Ana", "João Conceição"]);
    expect(await owner.contacts.count({ filter: { blocked: false } })).toEqual({ count: 3 });
    expect(await owner.contacts.count({ filter: { search: "%" } })).toEqual({ count: 0 });

    const rows = await allContacts(owner, { search: "Ana" });
    expect(rows[0]).toMatchObject({ phone: "+5521970001234", consentStatus: "opted_in", blocked: false });
    expect(rows[0]!.tags.map((t) => t.name).sort()).toEqual(["Loja", "VIP"]);

    // The same number typed another way opens the existing contact.
    expect(await owner.contacts.create({ phone: "5531999998888", name: "Outro nome" })).toEqual({
      contactId: joao.contactId,
      created: false,
    });
    expect(await refused(owner.contacts.create({ phone: "9999-8888" }))).toMatchObject({
      reason: "phoneMissingAreaCode",
      fieldErrors: { phone: [{ reason: "phoneMissingAreaCode" }] },
    });
  });

  it("pages by keyset in every order without gaps or repeats", async () => {
    const org = await makeOrganization();
    const owner = callerFor(org.ownerId, org.organizationId);
    await upload(
      org,
      [
        "telefone,nome",
        ...Array.from({ length: 23 }, (_, i) => `1197000${String(i).padStart(4, "0")},Pessoa ${i % 5}`),
      ].join("\n"),
    ).then((preview) => importAll(owner, preview.importId, { phone: 0, name: 1, fields: {} }));
    for (const sort of ["name", "createdAt", "lastInteraction"] as const) {
      const seen: string[] = [];
      let cursor: { key: string; id: string } | null = null;
      do {
        const page: Awaited<ReturnType<Caller["contacts"]["list"]>> = await owner.contacts.list({
          sort,
          cursor,
          limit: 4,
        });
        seen.push(...page.items.map((c) => c.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(new Set(seen).size).toBe(23);
      expect(seen).toHaveLength(23);
    }
  });
});

describe("contacts: detail, edit, block and consent", () => {
  it("edits name, custom fields (typed) and tags; blocks with a reason (audited); agents cannot unblock", async () => {
    const org = await makeOrganization();
    const owner = callerFor(org.ownerId, org.organizationId);
    const agentMember = await addMemberWithPassword(org.organizationId, "agent");
    const agent = callerFor(agentMember.userId, org.organizationId);
    await owner.contacts.fields.create({ key: "nascimento", label: "Nascimento", type: "date" });
    await owner.contacts.fields.create({ key: "saldo", label: "Saldo", type: "number" });
    expect(await refused(agent.contacts.fields.create({ key: "cidade", label: "Cidade", type: "text" }))).toMatchObject(
      { code: "FORBIDDEN" },
    );
    expect(
      await refused(owner.contacts.fields.create({ key: "Cidade X", label: "Cidade", type: "text" })),
    ).toMatchObject({ code: "VALIDATION" });
    const { contactId } = await agent.contacts.create({ phone: "11987654321" });

    await agent.contacts.update({
      contactId,
      name: "Carla",
      customFields: { nascimento: "05/03/1990", saldo: "1.234,50" },
    });
    expect(await refused(agent.contacts.update({ contactId, customFields: { saldo: "muito" } }))).toMatchObject({
      fieldErrors: { "customFields.saldo": [{ reason: "customFieldNotANumber", params: { value: "muito" } }] },
    });
    expect(await refused(agent.contacts.update({ contactId, customFields: { cor: "azul" } }))).toMatchObject({
      code: "VALIDATION",
    });
    let detail = await agent.contacts.get({ contactId });
    expect(detail).toMatchObject({
      displayName: "Carla",
      phone: "+5511987654321",
      customFields: { nascimento: "1990-03-05", saldo: 1234.5 },
      blocked: null,
      consent: { status: "unknown" },
    });

    expect(await refused(agent.contacts.setBlocked({ contactId, blocked: true }))).toMatchObject({
      fieldErrors: { reason: [{ reason: "blockReasonRequired" }] },
    });
    await agent.contacts.setBlocked({ contactId, blocked: true, reason: "Ofendeu a equipe" });
    detail = await agent.contacts.get({ contactId });
    expect(detail.blocked).toMatchObject({ reason: "Ofendeu a equipe" });
    expect(await refused(agent.contacts.setBlocked({ contactId, blocked: false }))).toMatchObject({
      code: "FORBIDDEN",
    });
    await owner.contacts.setBlocked({ contactId, blocked: false, reason: "Resolvido" });
    expect((await owner.contacts.get({ contactId })).blocked).toBeNull();
    const audit = await withOrganization(org.organizationId, (tx) =>
      tx.auditLog.findMany({
        where: { targetId: contactId },
        orderBy: { createdAt: "asc" },
        select: { action: true, metadata: true },
      }),
    );
    expect(audit.map((a) => a.action)).toEqual([
      "contact.created",
      "contact.updated",
      "contact.blocked",
      "contact.unblocked",
    ]);
    expect(audit[2]!.metadata).toMatchObject({ reason: "Ofendeu a equipe" });

    // Deleting a field removes its values.
    const fields = await owner.contacts.fields.list();
    await owner.contacts.fields.delete({ id: fields.find((f) => f.key === "saldo")!.id });
    expect((await owner.contacts.get({ contactId })).customFields).toEqual({ nascimento: "1990-03-05" });
  });

  it("an opt-in needs legal basis and evidence; an opt-out is lifted only with evidence; the ledger is newest first", async () => {
    const org = await makeOrganization();
    const owner = callerFor(org.ownerId, org.organizationId);
    const { contactId } = await owner.contacts.create({ phone: "11987654321", name: "Duda" });
    expect(
      await refused(owner.contacts.recordConsent({ contactId, status: "opted_in", legalBasis: "consent" })),
    ).toMatchObject({ fieldErrors: { evidence: [{ reason: "consentEvidenceDetail" }] } });
    await owner.contacts.recordConsent({ contactId, status: "opted_out" });
    expect(
      await refused(
        owner.contacts.recordConsent({ contactId, status: "opted_in", legalBasis: "consent", evidence: "   " }),
      ),
    ).toMatchObject({ code: "VALIDATION" });
    expect((await owner.contacts.get({ contactId })).consent.status).toBe("opted_out");
    expect(
      await owner.contacts.recordConsent({
        contactId,
        status: "opted_in",
        legalBasis: "consent",
        evidence: "Ligou em 10/01/2026 pedindo para voltar a receber ofertas",
      }),
    ).toEqual({ changed: true });
    // The same status and basis again adds nothing.
    expect(
      await owner.contacts.recordConsent({ contactId, status: "opted_in", legalBasis: "consent", evidence: "de novo" }),
    ).toEqual({ changed: false });
    const detail = await owner.contacts.get({ contactId });
    expect(detail.consent).toMatchObject({ status: "opted_in", legalBasis: "consent" });
    expect(detail.consentHistory.map((e) => [e.status, e.source, e.actor?.name])).toEqual([
      ["opted_in", "manual", "Owner"],
      ["opted_out", "manual", "Owner"],
    ]);
  });
});

describe("contacts: import", () => {
  const csv = [
    "Nome,Telefone,Etiquetas,Consentimento,Cidade,Nascimento",
    'Ana Lima,(11) 98765-0001,"VIP, Loja",sim,Recife,05/03/1990',
    "Bruno,11 98765-0002,VIP,não,Natal,",
    "Carla,9876-0003,,sim,,",
    "Davi,abc,,,,",
    "Ana duplicada,+55 11 98765-0001,,sim,,",
    "Elis,11987650005,,talvez,,",
    "Fábio,11987650006,Loja,,,31/02/2020",
    "Gabi,11987650007,,,,",
    "Existente,21 97000-1234,Antigos,SIM,Salvador,",
  ].join("\r\n");

  it("previews, validates (bad rows with reasons, duplicates, existing), imports and reports rejected rows", async () => {
    const org = await makeOrganization();
    const owner = callerFor(org.ownerId, org.organizationId);
    await owner.contacts.fields.create({ key: "cidade", label: "Cidade", type: "text" });
    await owner.contacts.fields.create({ key: "nascimento", label: "Nascimento", type: "date" });
    const existing = await owner.contacts.create({ phone: "+5521970001234", name: "Já existia" });

    const cookie = await signInOverHttp(org.ownerEmail, TEST_PASSWORD);
    const uploaded = await uploadOverHttp(cookie, Buffer.from(csv, "utf8"), "clientes-2026.csv");
    expect(uploaded.status).toBe(200);
    const preview = uploaded.body as unknown as Awaited<ReturnType<typeof upload>>;
    expect(preview).toMatchObject({
      fileName: "clientes-2026.csv",
      format: "csv",
      encoding: "utf-8",
      delimiter: ",",
      columns: ["Nome", "Telefone", "Etiquetas", "Consentimento", "Cidade", "Nascimento"],
      totalRows: 9,
      suggestedMapping: { name: 0, phone: 1, tags: 2, consent: 3, fields: { cidade: 4, nascimento: 5 } },
    });
    expect(preview.sampleRows[0]).toEqual(["Ana Lima", "(11) 98765-0001", "VIP, Loja", "sim", "Recife", "05/03/1990"]);
    const mapping = { phone: 1, name: 0, tags: 2, consent: 3, fields: { cidade: 4, nascimento: 5 } };

    const report = await owner.contacts.imports.validate({ importId: preview.importId, mapping });
    expect(report).toMatchObject({
      totalRows: 9,
      validRows: 4,
      rejectedRows: 5,
      duplicateRows: 1,
      newContacts: 3,
      existingContacts: 1,
      consent: { optedIn: 2, optedOut: 1, blank: 1, optOutKept: 0 },
      newTags: ["VIP", "Loja", "Antigos"],
      suggestedEvidence: "Planilha clientes-2026.csv, coluna Consentimento",
    });
    expect(report.rejected).toEqual([
      { rowNumber: 4, phone: "9876-0003", issues: [{ reason: "phoneMissingAreaCode", params: {} }], duplicateOf: null },
      { rowNumber: 5, phone: "abc", issues: [{ reason: "phoneHasLetters", params: {} }], duplicateOf: null },
      {
        rowNumber: 6,
        phone: "+55 11 98765-0001",
        issues: [{ reason: "importPhoneRepeated", params: { row: 2 } }],
        duplicateOf: 2,
      },
      {
        rowNumber: 7,
        phone: "11987650005",
        issues: [{ reason: "importConsentUnrecognised", params: { value: "talvez" } }],
        duplicateOf: null,
      },
      {
        rowNumber: 8,
        phone: "11987650006",
        issues: [{ reason: "customFieldInvalidDate", params: { value: "31/02/2020", field: "Nascimento" } }],
        duplicateOf: null,
      },
    ]);

    // Nothing was written by the preview.
    expect(await owner.contacts.count({})).toEqual({ count: 1 });
    expect(await refused(owner.contacts.imports.start({ importId: preview.importId, mapping }))).toMatchObject({
      fieldErrors: { legalBasis: [{ reason: "legalBasisRequired" }], evidence: [{ reason: "importEvidenceRequired" }] },
    });
    await owner.contacts.imports.start({ importId: preview.importId, mapping, legalBasis: "consent", evidence });
    const done = await waitForImport(owner, preview.importId);
    expect(done).toMatchObject({
      status: "completed",
      totalRows: 9,
      processedRows: 9,
      createdCount: 3,
      updatedCount: 1,
      unchangedCount: 0,
      rejectedCount: 5,
      hasReport: true,
      error: null,
    });

    const contacts = await allContacts(owner);
    expect(contacts.map((c) => [c.displayName, c.phone, c.consentStatus, c.tags.map((t) => t.name).sort()])).toEqual([
      ["Ana Lima", "+5511987650001", "opted_in", ["Loja", "VIP"]],
      ["Bruno", "+5511987650002", "opted_out", ["VIP"]],
      ["Existente", "+5521970001234", "opted_in", ["Antigos"]],
      ["Gabi", "+5511987650007", "unknown", []],
    ]);
    const ana = await owner.contacts.get({ contactId: contacts.find((c) => c.displayName === "Ana Lima")!.id });
    expect(ana.customFields).toEqual({ cidade: "Recife", nascimento: "1990-03-05" });
    expect(ana.consentHistory).toMatchObject([
      {
        status: "opted_in",
        source: "import",
        legalBasis: "consent",
        evidence,
        evidenceCode: "import_file_row",
        evidenceParams: { file: "clientes-2026.csv", row: 2 },
        actor: { name: "Owner" },
      },
    ]);
    const updated = await owner.contacts.get({ contactId: existing.contactId });
    expect(updated).toMatchObject({ name: "Existente", customFields: { cidade: "Salvador" } });

    // The rejected rows, as CSV for Excel-BR, for members, worded in the organization's language.
    const response = await fetch(`${baseUrl}/api/contacts/imports/${preview.importId}/report`, { headers: { cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/text\/csv/);
    const reportText = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(
      reportText.startsWith("\uFEFFLinha;Motivo;Nome;Telefone;Etiquetas;Consentimento;Cidade;Nascimento\r\n"),
    ).toBe(true);
    const lines = reportText.trim().split("\r\n");
    expect(lines).toHaveLength(1 + 5);
    expect(lines[1]).toMatch(/^4;"Falta o DDD\. .*";Carla;9876-0003;;sim;;$/);
    expect(lines[3]).toBe(
      "6;Telefone repetido: o mesmo número já está na linha 2.;Ana duplicada;+55 11 98765-0001;;sim;;",
    );
    const otherOrg = await makeOrganization();
    const stranger = await signInOverHttp(otherOrg.ownerEmail, TEST_PASSWORD);
    expect(
      (await fetch(`${baseUrl}/api/contacts/imports/${preview.importId}/report`, { headers: { cookie: stranger } }))
        .status,
    ).toBe(404);
    expect((await fetch(`${baseUrl}/api/contacts/imports/${preview.importId}/report`)).status).toBe(401);
  });

  it("importing the same file again changes nothing: every valid row unchanged, no new ledger entries", async () => {
    const org = await makeOrganization();
    const owner = callerFor(org.ownerId, org.organizationId);
    const file =
      "telefone;nome;tags;optin\n11987650001;Ana;VIP;sim\n11987650002;Bia;;não\n11987650003;Caio;Loja,VIP;\n";
    const mapping = { phone: 0, name: 1, tags: 2, consent: 3, fields: {} };
    const first = await upload(org, file);
    expect(await importAll(owner, first.importId, mapping, { legalBasis: "consent", evidence })).toMatchObject({
      createdCount: 3,
      unchangedCount: 0,
    });
    const ledger = () => withOrganization(org.organizationId, (tx) => tx.consentEvent.count());
    const before = { ledger: await ledger(), contacts: await allContacts(owner) };
    expect(before.ledger).toBe(2);

    const again = await upload(org, file);
    expect(again.importId).not.toBe(first.importId);
    const report = await owner.contacts.imports.validate({ importId: again.importId, mapping });
    expect(report).toMatchObject({ newContacts: 0, existingContacts: 3, newTags: [] });
    expect(await importAll(owner, again.importId, mapping, { legalBasis: "consent", evidence })).toMatchObject({
      status: "completed",
      createdCount: 0,
      updatedCount: 0,
      unchangedCount: 3,
      rejectedCount: 0,
      hasReport: false,
    });
    expect(await ledger()).toBe(before.ledger);
    expect(await allContacts(owner)).toEqual(before.contacts);
  });

  it("never lifts an opt-out: the preview says so and the contact stays out", async () => {
    const org = await makeOrganization();
    const owner = callerFor(org.ownerId, org.organizationId);
    const { contactId } = await owner.contacts.create({ phone: "11987650001", name: "Saiu" });
    await owner.contacts.recordConsent({ contactId, status: "opted_out" });
    const preview = await upload(org, "telefone,consentimento\n11987650001,sim\n11987650002,sim\n");
    const mapping = { phone: 0, consent: 1, fields: {} };
    const report = await owner.contacts.imports.validate({ importId: preview.importId, mapping });
    expect(report.consent).toMatchObject({ optedIn: 2, optOutKept: 1 });
    expect(await importAll(owner, preview.importId, mapping, { legalBasis: "consent", evidence })).toMatchObject({
      createdCount: 1,
      unchangedCount: 1,
    });
    const detail = await owner.contacts.get({ contactId });
    expect(detail.consent.status).toBe("opted_out");
    expect(detail.consentHistory).toHaveLength(1);
  });

  it("imports a Latin-1 file with ; (Excel pt-BR) with its accents", async () => {
    const org = await makeOrganization();
    const owner = callerFor(org.ownerId, org.organizationId);
    await owner.contacts.fields.create({ key: "cidade", label: "Cidade", type: "text" });
    const latin1 = Buffer.from(
      "Nome;Celular;Cidade\r\nJoão Conceição;(11) 98765-4321;São Paulo\r\nÂngela Araújo;(81) 99876-5432;Maceió\r\n",
      "latin1",
    );
    const preview = await upload(org, latin1, "clientes.csv");
    expect(preview).toMatchObject({ encoding: "windows-1252", delimiter: ";", columns: ["Nome", "Celular", "Cidade"] });
    expect(preview.suggestedMapping).toMatchObject({ name: 0, phone: 1, fields: { cidade: 2 } });
    await importAll(owner, preview.importId, { phone: 1, name: 0, fields: { cidade: 2 } });
    const contacts = await allContacts(owner, { search: "conceicao" });
    expect(contacts.map((c) => c.displayName)).toEqual(["João Conceição"]);
    expect((await owner.contacts.get({ contactId: contacts[0]!.id })).customFields).toEqual({ cidade: "São Paulo" });
    expect((await allContacts(owner, { search: "angela" }))[0]?.displayName).toBe("Ângela Araújo");
  });

  it("imports the first sheet of an XLSX (numeric phones, dates, booleans)", async () => {
    const org = await makeOrganization();
    const owner = callerFor(org.ownerId, org.organizationId);
    await owner.contacts.fields.create({ key: "cliente_desde", label: "Cliente desde", type: "date" });
    await owner.contacts.fields.create({ key: "pontos", label: "Pontos", type: "number" });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Contatos");
    sheet.addRow(["Nome", "WhatsApp", "Cliente desde", "Pontos", "Opt-in"]);
    for (let i = 0; i < 50; i++)
      sheet.addRow([`Pessoa ${i}`, 5511970000000 + i, new Date(Date.UTC(2024, 0, 1 + i)), i * 1.5, i % 2 === 0]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const preview = await upload(org, bytes, "contatos.xlsx");
    expect(preview).toMatchObject({ format: "xlsx", totalRows: 50 });
    expect(preview.suggestedMapping).toMatchObject({
      name: 0,
      phone: 1,
      consent: 4,
      fields: { cliente_desde: 2, pontos: 3 },
    });
    const mapping = { phone: 1, name: 0, consent: 4, fields: { cliente_desde: 2, pontos: 3 } };
    const done = await importAll(owner, preview.importId, mapping, {
      legalBasis: "legitimate_interest",
      evidence: "Cadastro na loja",
    });
    expect(done).toMatchObject({ status: "completed", createdCount: 50, rejectedCount: 0 });
    expect(await owner.contacts.count({ filter: { consent: ["opted_in"] } })).toEqual({ count: 25 });
    expect(await owner.contacts.count({ filter: { consent: ["opted_out"] } })).toEqual({ count: 25 });
    const [third] = await allContacts(owner, { search: "Pessoa 3" });
    expect((await owner.contacts.get({ contactId: third!.id })).customFields).toEqual({
      cliente_desde: "2024-01-04",
      pontos: 4.5,
    });
  });

  it("refuses empty files, non-spreadsheets, header-only files and files over the limits, with clear messages", async () => {
    const org = await makeOrganization();
    const refusal = (text: string | Buffer, name = "contatos.csv") =>
      upload(org, text, name).then(
        () => "accepted",
        (error: AppError) => error.reason,
      );
    expect(await refusal("")).toBe("fileEmpty");
    expect(await refusal("Nome;Telefone\r\n")).toBe("spreadsheetHeaderOnly");
    const png = Buffer.from(
      "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a1d3c6a40000000049454e44ae426082",
      "hex",
    );
    expect(await refusal(png, "contatos.csv")).toBe("notASpreadsheet");
    const tooMany = ["telefone", ...Array.from({ length: 200_001 }, (_, i) => String(11_900_000_000 + i))].join("\n");
    expect(await refusal(tooMany)).toBe("spreadsheetTooManyRows");

    // Through the route: the same messages with HTTP statuses; over 20 MB is refused before reading it.
    const cookie = await signInOverHttp(org.ownerEmail, TEST_PASSWORD);
    expect(await uploadOverHttp(cookie, png, "foto.csv")).toMatchObject({
      status: 400,
      body: { code: "BAD_REQUEST", reason: "notASpreadsheet" },
    });
    expect(await uploadOverHttp(cookie, Buffer.alloc(22 * 1024 * 1024, 0x31), "grande.csv")).toMatchObject({
      status: 413,
      body: { code: "PAYLOAD_TOO_LARGE", reason: "importFileTooLarge" },
    });
    const agent = await addMemberWithPassword(org.organizationId, "agent");
    const agentCookie = await signInOverHttp(agent.email, TEST_PASSWORD);
    expect(await uploadOverHttp(agentCookie, Buffer.from("telefone\n11987650001\n"), "a.csv")).toMatchObject({
      status: 403,
      body: { code: "FORBIDDEN", reason: "adminsOnlyImport" },
    });
    expect((await uploadOverHttp("", Buffer.from("telefone\n11987650001\n"), "a.csv")).status).toBe(401);
    // No valid row at all: nothing to start.
    const owner = callerFor(org.ownerId, org.organizationId);
    const bad = await upload(org, "telefone\nabc\n123\n");
    await expect(
      owner.contacts.imports.start({ importId: bad.importId, mapping: { phone: 0, fields: {} } }),
    ).rejects.toMatchObject({
      message: "importNoValidRows",
    });
    expect(
      await refused(owner.contacts.imports.validate({ importId: bad.importId, mapping: { phone: 3, fields: {} } })),
    ).toMatchObject({ fieldErrors: { phone: [{ reason: "columnMissing" }] } });
  });

  it("another organization cannot see, validate, start or download an import, nor see the contacts", async () => {
    const org = await makeOrganization();
    const owner = callerFor(org.ownerId, org.organizationId);
    const preview = await upload(org, "telefone\n11987650001\n");
    await importAll(owner, preview.importId, { phone: 0, fields: {} });
    const [contact] = await allContacts(owner);

    const other = await makeOrganization();
    const stranger = callerFor(other.ownerId, other.organizationId);
    const notFound = { code: "NOT_FOUND" };
    expect(await refused(stranger.contacts.imports.get({ importId: preview.importId }))).toMatchObject(notFound);
    expect(
      await refused(
        stranger.contacts.imports.validate({ importId: preview.importId, mapping: { phone: 0, fields: {} } }),
      ),
    ).toMatchObject(notFound);
    expect(
      await refused(stranger.contacts.imports.start({ importId: preview.importId, mapping: { phone: 0, fields: {} } })),
    ).toMatchObject(notFound);
    expect(await refused(stranger.contacts.get({ contactId: contact!.id }))).toMatchObject(notFound);
    expect(await refused(stranger.contacts.update({ contactId: contact!.id, name: "x" }))).toMatchObject(notFound);
    expect(
      await refused(stranger.contacts.recordConsent({ contactId: contact!.id, status: "opted_out" })),
    ).toMatchObject(notFound);
    expect(await stranger.contacts.count({})).toEqual({ count: 0 });
    expect(await allContacts(stranger, { search: "11987650001" })).toEqual([]);
    // And a member of a different organization cannot run the job into this one: the job is scoped by the import's organization.
    await runContactImport({ organizationId: other.organizationId, importId: preview.importId }).catch(
      (error: AppError) => expect(error.reason).toBe("importNotFound"),
    );
    expect(await stranger.contacts.count({})).toEqual({ count: 0 });

    const agent = await addMemberWithPassword(org.organizationId, "agent");
    const agentCaller = callerFor(agent.userId, org.organizationId);
    expect(
      await refused(
        agentCaller.contacts.imports.validate({ importId: preview.importId, mapping: { phone: 0, fields: {} } }),
      ),
    ).toMatchObject({ code: "FORBIDDEN" });
    expect(await refused(agentCaller.contacts.imports.get({ importId: preview.importId }))).toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("a failing job marks the import failed with the reason; starting again resumes after the committed chunks", async () => {
    const org = await makeOrganization();
    const owner = callerFor(org.ownerId, org.organizationId);
    await owner.contacts.fields.create({ key: "cidade", label: "Cidade", type: "text" });
    const lines = [
      "telefone,cidade",
      ...Array.from({ length: 2500 }, (_, i) => `1197000${String(i).padStart(4, "0")},Cidade ${i}`),
    ];
    const preview = await upload(org, lines.join("\n"));
    const mapping = { phone: 0, fields: { cidade: 1 } };
    await owner.contacts.imports.validate({ importId: preview.importId, mapping });
    // As if started and the first chunk (1000 rows) had been committed before the worker died:
    // the job run here (not enqueued, so the test's worker stays out of it) must resume after it.
    await withOrganization(org.organizationId, (tx) =>
      tx.contactImport.update({
        where: { id: preview.importId },
        data: {
          status: "running",
          mapping: { columns: mapping, legalBasis: null, evidence: null },
          processedRows: 1000,
          rejectedCount: 0,
          createdCount: 1000,
        },
      }),
    );
    // The mapped field disappears meanwhile: the job fails with a reason a person can act on.
    const fields = await owner.contacts.fields.list();
    await owner.contacts.fields.delete({ id: fields[0]!.id });
    await runContactImport({ organizationId: org.organizationId, importId: preview.importId });
    expect(await owner.contacts.imports.get({ importId: preview.importId })).toMatchObject({
      status: "failed",
      error: "customFieldGone",
      errorParams: {},
      processedRows: 1000,
    });
    expect(await owner.contacts.count({})).toEqual({ count: 0 });

    await owner.contacts.fields.create({ key: "cidade", label: "Cidade", type: "text" });
    await owner.contacts.imports.start({ importId: preview.importId, mapping });
    const done = await waitForImport(owner, preview.importId);
    expect(done).toMatchObject({ status: "completed", processedRows: 2500, createdCount: 2500 });
    // Only the rows after the "committed" chunk were written by the resumed run.
    expect(await owner.contacts.count({})).toEqual({ count: 1500 });

    // Running a completed import's job again is a no-op; re-running its chunks from the start changes nothing.
    await runContactImport({ organizationId: org.organizationId, importId: preview.importId });
    await withOrganization(org.organizationId, (tx) =>
      tx.contactImport.update({
        where: { id: preview.importId },
        data: { status: "running", processedRows: 1000, createdCount: 0, updatedCount: 0, unchangedCount: 0 },
      }),
    );
    await runContactImport({ organizationId: org.organizationId, importId: preview.importId });
    expect(await owner.contacts.imports.get({ importId: preview.importId })).toMatchObject({
      status: "completed",
      createdCount: 0,
      updatedCount: 0,
      unchangedCount: 1500,
    });
  });

  it("imports 100,000 rows in reasonable time", { timeout: 600_000 }, async () => {
    const org = await makeOrganization();
    const owner = callerFor(org.ownerId, org.organizationId);
    const rows = ["Nome;Celular;Etiquetas;Consentimento"];
    for (let i = 0; i < 100_000; i++)
      rows.push(
        `Cliente ${i};(11) 9${7 + (i % 3)}${String(i).padStart(7, "0")};${i % 2 ? "Lista A, Lista B" : "Lista A"};${i % 10 ? "sim" : ""}`,
      );
    const bytes = Buffer.from(rows.join("\r\n"), "utf8");
    const started = performance.now();
    const preview = await upload(org, bytes, "grande.csv");
    const uploadedMs = performance.now() - started;
    const mapping = { phone: 1, name: 0, tags: 2, consent: 3, fields: {} };
    const report = await owner.contacts.imports.validate({ importId: preview.importId, mapping });
    const validatedMs = performance.now() - started;
    expect(report).toMatchObject({ totalRows: 100_000, validRows: 100_000, newContacts: 100_000 });
    await owner.contacts.imports.start({ importId: preview.importId, mapping, legalBasis: "consent", evidence });
    const startedMs = performance.now() - started;
    const done = await waitForImport(owner, preview.importId, 540_000);
    const totalMs = performance.now() - started;
    expect(done).toMatchObject({ status: "completed", createdCount: 100_000, rejectedCount: 0 });
    expect(await owner.contacts.count({ filter: { consent: ["opted_in"] } })).toEqual({ count: 90_000 });
    console.log(
      `[contacts] 100k-row import (${(bytes.length / 1024 / 1024).toFixed(1)} MB): preview ${Math.round(uploadedMs)} ms, ` +
        `validate ${Math.round(validatedMs - uploadedMs)} ms, start ${Math.round(startedMs - validatedMs)} ms, ` +
        `job ${Math.round(totalMs - startedMs)} ms, total ${Math.round(totalMs)} ms`,
    );
    // The list stays fast over a large base.
    const listStarted = performance.now();
    const page = await owner.contacts.list({ sort: "name", filter: { search: "cliente 9999" }, limit: 50 });
    expect(page.items.length).toBeGreaterThan(0);
    console.log(`[contacts] search over 100k contacts: ${Math.round(performance.now() - listStarted)} ms`);
  });
});

describe("contacts: CSV export", () => {
  it("streams the current filter as ; CSV with BOM, formulas defused, members only", async () => {
    const org = await makeOrganization();
    const owner = callerFor(org.ownerId, org.organizationId);
    await owner.contacts.fields.create({ key: "nascimento", label: "Nascimento", type: "date" });
    const vip = await owner.tags.create({ name: "VIP", color: "red" });
    const a = await owner.contacts.create({ phone: "11987650001", name: "Ana; Lima", tagIds: [vip.id] });
    await owner.contacts.update({ contactId: a.contactId, customFields: { nascimento: "05/03/1990" } });
    await owner.contacts.recordConsent({
      contactId: a.contactId,
      status: "opted_in",
      legalBasis: "consent",
      evidence: "site",
    });
    await owner.contacts.create({ phone: "11987650002", name: '=HYPERLINK("http://x")' });
    const agent = await addMemberWithPassword(org.organizationId, "agent");
    const cookie = await signInOverHttp(agent.email, TEST_PASSWORD);

    const exportCsv = async (filter: object, headers: Record<string, string> = { cookie }) => {
      const response = await fetch(
        `${baseUrl}/api/contacts/export?filter=${encodeURIComponent(JSON.stringify(filter))}`,
        { headers },
      );
      return {
        status: response.status,
        type: response.headers.get("content-type"),
        disposition: response.headers.get("content-disposition"),
        bytes: Buffer.from(await response.arrayBuffer()),
      };
    };
    const all = await exportCsv({});
    expect(all.status).toBe(200);
    expect(all.type).toBe("text/csv; charset=utf-8");
    expect(all.disposition).toMatch(/^attachment; filename="contatos-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect([...all.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = all.bytes.subarray(3).toString("utf8").trim().split("\r\n");
    expect(lines[0]).toBe(
      "Nome;Telefone;Nome no WhatsApp;Consentimento;Base legal;Bloqueado;Motivo do bloqueio;Etiquetas;Última interação;Criado em;Nascimento",
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(
      /^"Ana; Lima";\+5511987650001;;sim;consentimento;;;VIP;;\d{2}\/\d{2}\/\d{4} \d{2}:\d{2};05\/03\/1990$/,
    );
    expect(lines[2]).toMatch(/^"'=HYPERLINK\(""http:\/\/x""\)";\+5511987650002;;;;;;;;/);

    const filtered = await exportCsv({ tagIds: [vip.id] });
    expect(filtered.bytes.toString("utf8").trim().split("\r\n")).toHaveLength(2);
    expect((await exportCsv({ consent: ["talvez"] })).status).toBe(422);
    expect((await exportCsv({}, {})).status).toBe(401);
    const audit = await withOrganization(org.organizationId, (tx) =>
      tx.auditLog.count({ where: { action: "contacts.exported" } }),
    );
    expect(audit).toBe(2);
  });
});
