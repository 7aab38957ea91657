import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withOrganization } from "~/server/db/tenant";
import { recordReportingEvents } from "~/server/domain/analytics/record-reporting-events";
import { refreshReportingRollup } from "~/server/domain/analytics/refresh-reporting-rollup";
import { reportingKinds } from "~/server/domain/analytics/reporting-kinds";
import { deliverDueReports } from "~/server/domain/reports/deliver-due-reports";
import { exportSavedReport } from "~/server/domain/reports/export-saved-report";
import type { ReportTable, SaveReportInput } from "~/shared/schemas/reports";
import { addMemberWithPassword, callerFor, makeOrganization, TEST_PASSWORD } from "../support/factory";
import { signInOverHttp } from "../support/http-session";
import { smtpInbox } from "../support/smtp-inbox";
import { baseUrl } from "../support/test-env";

const HOUR = 3_600_000;

const definition = (overrides: Partial<SaveReportInput> = {}): SaveReportInput => ({
  name: "Atendimento por número",
  metrics: ["inbound", "outbound", "firstResponses", "firstResponseP50", "resolved"],
  dimension: "instance",
  periodDays: 7,
  filters: { instanceIds: [], memberIds: [] },
  schedule: { frequency: "none", time: "08:00", weekday: 1, monthDay: 1, recipients: [], format: "xlsx" },
  ...overrides,
});

/**
 * Two numbers and a member with events over the last days: most rolled up, then a few more today that only
 * raw events hold (the path the dashboard reads after the rollup's watermark).
 */
async function seededOrganization() {
  const org = await makeOrganization();
  const { organizationId } = org;
  const [vendas, suporte] = await withOrganization(organizationId, async (tx) =>
    Promise.all(
      ["Vendas", "Suporte"].map((name) =>
        tx.instance.create({
          data: { organizationId, name, providerName: `reports-${randomUUID()}`, webhookSecretHash: "0".repeat(64) },
        }),
      ),
    ),
  );
  const agent = await addMemberWithPassword(organizationId, "agent");
  const now = Date.now();
  const event = (kind: string, instanceId: string, hoursAgo: number, extra: Record<string, unknown> = {}) => ({
    kind: kind as (typeof reportingKinds)[keyof typeof reportingKinds],
    occurredAt: new Date(now - hoursAgo * HOUR),
    instanceId,
    ...extra,
  });
  await withOrganization(organizationId, (tx) =>
    recordReportingEvents(tx, organizationId, [
      ...Array.from({ length: 4 }, () =>
        event(reportingKinds.messageInbound, vendas!.id, 50, { direction: "inbound" }),
      ),
      ...Array.from({ length: 2 }, () =>
        event(reportingKinds.messageInbound, suporte!.id, 75, { direction: "inbound" }),
      ),
      event(reportingKinds.messageOutbound, vendas!.id, 49, { direction: "outbound", memberId: agent.userId }),
      event(reportingKinds.firstResponse, vendas!.id, 49, { memberId: agent.userId, value: 95 }),
      event(reportingKinds.firstResponse, vendas!.id, 49, { memberId: agent.userId, value: 400 }),
      event(reportingKinds.firstResponse, suporte!.id, 74, { memberId: agent.userId, value: 20 }),
      event(reportingKinds.resolved, suporte!.id, 73, { memberId: agent.userId, value: 3600 }),
      // Ten days ago: outside a 7-day report.
      event(reportingKinds.messageInbound, vendas!.id, 240, { direction: "inbound" }),
    ]),
  );
  await refreshReportingRollup({ organizationId });
  await withOrganization(organizationId, (tx) =>
    recordReportingEvents(tx, organizationId, [
      { kind: reportingKinds.messageInbound, occurredAt: new Date(now), instanceId: vendas!.id, direction: "inbound" },
    ]),
  );
  return { ...org, vendas: vendas!, suporte: suporte!, agent };
}

/** The rows of a table as a spreadsheet shows them: label (the total worded), then the values. */
const asGrid = (table: ReportTable, total: string) =>
  table.rows.map((row) => [row.label ?? total, ...row.values.map((value) => (value === null ? "" : String(value)))]);

async function xlsxGrid(body: Buffer | ArrayBuffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as ArrayBuffer);
  const grid: string[][] = [];
  const sheet = workbook.worksheets[0]!;
  sheet.eachRow((row) => {
    const cells = Array.from({ length: sheet.columnCount }, (_, index) => row.getCell(index + 1).value);
    grid.push(cells.map((cell) => (cell === null || cell === undefined ? "" : String(cell))));
  });
  return grid;
}

const csvGrid = (text: string) =>
  Papa.parse<string[]>(text.replace(/^\uFEFF/, "").trim(), { delimiter: ";" }).data.map((row) =>
    row.map((cell) => cell.replace(",", ".")),
  );

describe("saved reports", () => {
  it("shows per number what the raw events say, and the XLSX and CSV hold the same numbers cell by cell", async () => {
    const org = await seededOrganization();
    const owner = callerFor(org.ownerId, org.organizationId);
    const saved = await owner.reports.save(definition());
    expect(saved.nextRunAt).toBeNull();
    const { table } = await owner.reports.open({ id: saved.id });

    // By name: Suporte, Vendas, then the total. Vendas' first responses 95 s and 400 s: median in bucket 60–120 and 300–600.
    expect(table.rows.map((row) => [row.label, ...row.values.slice(0, 3), row.values[4]])).toEqual([
      ["Suporte", 2, 0, 1, 1],
      ["Vendas", 5, 1, 2, 0],
      [null, 7, 1, 3, 1],
    ]);
    expect(table.rows.every((row) => row.values[3] === null || Number.isInteger(row.values[3]))).toBe(true);

    const actor = { userId: org.ownerId, organizationId: org.organizationId, role: "owner" as const };
    const header = [
      "Número",
      "Mensagens recebidas",
      "Mensagens enviadas",
      "Primeiras respostas",
      "Primeira resposta (mediana) (s)",
      "Conversas resolvidas",
    ];
    const screen = [header, ...asGrid(table, "Total")];
    const xlsx = await exportSavedReport(actor, { id: saved.id, format: "xlsx" });
    expect(xlsx.fileName).toMatch(/^atendimento-por-numero-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(await xlsxGrid(xlsx.body)).toEqual(screen);
    const csv = await exportSavedReport(actor, { id: saved.id, format: "csv" });
    expect(csvGrid(csv.body.toString("utf8"))).toEqual(screen);

    // Over HTTP, as the download button asks for it.
    const cookie = await signInOverHttp(org.ownerEmail, TEST_PASSWORD);
    const response = await fetch(`${baseUrl}/api/reports/${saved.id}/export?format=xlsx`, { headers: { cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("spreadsheetml");
    expect(await xlsxGrid(await response.arrayBuffer())).toEqual(screen);
    // An unknown format is a validation error (422, like every route), not a file.
    const refused = await fetch(`${baseUrl}/api/reports/${saved.id}/export?format=pdf`, { headers: { cookie } });
    expect(refused.status).toBe(422);

    const audit = await withOrganization(org.organizationId, (tx) =>
      tx.auditLog.findMany({ where: { targetId: saved.id }, orderBy: { createdAt: "asc" }, select: { action: true } }),
    );
    expect(audit.map((row) => row.action)).toEqual([
      "report.created",
      "report.exported",
      "report.exported",
      "report.exported",
    ]);
  });

  it("filters by number and member, rows by day cover the whole period, edits and deletes", async () => {
    const org = await seededOrganization();
    const owner = callerFor(org.ownerId, org.organizationId);
    const onlyVendas = await owner.reports.save(
      definition({ filters: { instanceIds: [org.vendas.id], memberIds: [] } }),
    );
    const filtered = (await owner.reports.open({ id: onlyVendas.id })).table;
    expect(filtered.rows.map((row) => [row.label, row.values[0]])).toEqual([
      ["Vendas", 5],
      [null, 5],
    ]);

    const byMember = await owner.reports.save({
      ...definition({ dimension: "member", filters: { instanceIds: [], memberIds: [org.agent.userId] } }),
      id: onlyVendas.id,
    });
    expect(byMember.id).toBe(onlyVendas.id);
    const members = (await owner.reports.open({ id: byMember.id })).table;
    // The member's events only: no inbound (not theirs), one reply, three first responses (20, 95 and 400 s:
    // the median interpolated in the 60–120 s bucket), one resolution.
    expect(members.rows.map((row) => row.values)).toEqual([
      [0, 1, 3, 90, 1],
      [0, 1, 3, 90, 1],
    ]);

    const byDay = await owner.reports.save(definition({ dimension: "day", periodDays: 30, metrics: ["inbound"] }));
    const days = (await owner.reports.open({ id: byDay.id })).table;
    expect(days.rows).toHaveLength(31);
    expect(days.rows.at(-1)).toEqual({ key: null, label: null, values: [8], compared: null });
    expect(days.rows.slice(0, -1).reduce((sum, row) => sum + row.values[0]!, 0)).toBe(8);

    expect((await owner.reports.list()).map((report) => report.id).sort()).toEqual([byDay.id, byMember.id].sort());
    expect(await owner.reports.delete({ id: byDay.id })).toEqual({ deleted: true });
    await expect(owner.reports.open({ id: byDay.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await owner.reports.list()).map((report) => report.id)).toEqual([byMember.id]);
  });

  it("is shared with members, saved only by admins, and invisible to another organization", async () => {
    const org = await seededOrganization();
    const owner = callerFor(org.ownerId, org.organizationId);
    const saved = await owner.reports.save(definition());
    const agent = callerFor(org.agent.userId, org.organizationId);
    expect((await agent.reports.list()).map((report) => report.id)).toEqual([saved.id]);
    expect((await agent.reports.open({ id: saved.id })).table.rows).toHaveLength(3);
    await expect(agent.reports.save(definition())).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(agent.reports.delete({ id: saved.id })).rejects.toMatchObject({ code: "FORBIDDEN" });

    const other = await makeOrganization();
    const stranger = callerFor(other.ownerId, other.organizationId);
    expect(await stranger.reports.list()).toEqual([]);
    await expect(stranger.reports.open({ id: saved.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(stranger.reports.save({ ...definition(), id: saved.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("scheduled report e-mail", () => {
  const inbox = smtpInbox();
  const mailsTo = (recipient: string) => inbox.mails.filter((mail) => mail.to === recipient);
  beforeAll(() => inbox.start());
  afterAll(() => inbox.stop());

  it("e-mails the report at its local time in the organization's zone, once, with the numbers on screen attached", async () => {
    const org = await seededOrganization();
    const owner = callerFor(org.ownerId, org.organizationId);
    await owner.organization.update({ name: "Loja Azul", timezone: "America/Sao_Paulo" });
    const recipient = `gerente-${randomUUID().slice(0, 6)}@example.com`;
    const saved = await owner.reports.save(
      definition({
        schedule: {
          frequency: "daily",
          time: "08:00",
          weekday: 1,
          monthDay: 1,
          recipients: [recipient],
          format: "xlsx",
        },
      }),
    );
    // 08:00 in São Paulo is 11:00 UTC (no daylight saving there).
    const due = saved.nextRunAt!;
    expect(due.toISOString()).toMatch(/T11:00:00\.000Z$/);
    expect(due.getTime() - Date.now()).toBeLessThanOrEqual(24 * HOUR);

    expect(
      await deliverDueReports({ organizationId: org.organizationId, now: new Date(due.getTime() - 60_000) }),
    ).toEqual({
      sent: 0,
      skipped: 0,
    });
    expect(mailsTo(recipient)).toHaveLength(0);
    expect(await deliverDueReports({ organizationId: org.organizationId, now: due })).toEqual({ sent: 1, skipped: 0 });
    // A second run at the same minute (an overlapping job) sends nothing more.
    expect(await deliverDueReports({ organizationId: org.organizationId, now: due })).toEqual({ sent: 0, skipped: 0 });

    const sent = mailsTo(recipient);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.subject).toMatch(/^Atendimento por número: de \d{4}-\d{2}-\d{2} a \d{4}-\d{2}-\d{2}$/);
    expect(sent[0]!.text).toContain("Loja Azul");
    expect(sent[0]!.attachments[0]!.filename).toMatch(/\.xlsx$/);
    const { table } = await owner.reports.open({ id: saved.id });
    expect((await xlsxGrid(sent[0]!.attachments[0]!.content)).slice(1)).toEqual(asGrid(table, "Total"));

    const [after] = await owner.reports.list();
    expect(after!.lastSentAt).toEqual(due);
    expect(after!.nextRunAt).toEqual(new Date(due.getTime() + 24 * HOUR));
    const audit = await withOrganization(org.organizationId, (tx) =>
      tx.auditLog.count({ where: { targetId: saved.id, action: "report.emailed" } }),
    );
    expect(audit).toBe(1);
  });

  it("a weekly CSV goes out on its weekday; turning the schedule off stops it", async () => {
    const org = await seededOrganization();
    const owner = callerFor(org.ownerId, org.organizationId);
    const recipient = `semana-${randomUUID().slice(0, 6)}@example.com`;
    const schedule = {
      frequency: "weekly" as const,
      time: "07:30",
      weekday: 5,
      monthDay: 1,
      recipients: [recipient],
      format: "csv" as const,
    };
    const saved = await owner.reports.save(definition({ schedule }));
    const due = saved.nextRunAt!;
    // 07:30 in São Paulo (the default zone) is 10:30 UTC, the same Friday.
    expect(due.getUTCDay()).toBe(5);
    expect(await deliverDueReports({ organizationId: org.organizationId, now: due })).toEqual({ sent: 1, skipped: 0 });
    const mail = mailsTo(recipient)[0]!;
    expect(mail.attachments[0]!.filename).toMatch(/\.csv$/);
    const { table } = await owner.reports.open({ id: saved.id });
    expect(csvGrid(mail.attachments[0]!.content.toString("utf8")).slice(1)).toEqual(asGrid(table, "Total"));
    const [after] = await owner.reports.list();
    expect(after!.nextRunAt).toEqual(new Date(due.getTime() + 7 * 24 * HOUR));

    const off = await owner.reports.save({
      ...definition({ schedule: { ...schedule, frequency: "none" } }),
      id: saved.id,
    });
    expect(off.nextRunAt).toBeNull();
    expect(
      await deliverDueReports({ organizationId: org.organizationId, now: new Date(due.getTime() + 30 * 24 * HOUR) }),
    ).toEqual({ sent: 0, skipped: 0 });
  });
});
