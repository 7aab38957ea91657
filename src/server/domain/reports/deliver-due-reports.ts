import { withOrganization } from "../../db/tenant";
import { organizationWords } from "../../i18n/organization-words";
import { recordAudit } from "../audit/record-audit";
import { emailAvailable, sendEmail } from "../mail/send-email";
import { buildReportTable } from "./build-report-table";
import { nextReportRun } from "./next-report-run";
import { reportFile } from "./report-files";
import { savedReportDto } from "./saved-report-dto";

/**
 * E-mails every report of the organization that is due at `now` (a parameter, so tests drive time), one
 * report per transaction: the row is locked while its e-mail goes out, so two overlapping runs never send
 * it twice, and its next run is set in the same commit. A refused e-mail throws (the job retries the rest);
 * a crash after the SMTP server accepted but before the commit sends that one again (at least once).
 * Without SMTP_URL nothing is sent and the due runs are skipped, recorded as such.
 */
export async function deliverDueReports(input: {
  organizationId: string;
  now?: Date;
}): Promise<{ sent: number; skipped: number }> {
  const now = input.now ?? new Date();
  const { organizationId } = input;
  const outcome = { sent: 0, skipped: 0 };
  for (;;) {
    const delivered = await withOrganization(organizationId, async (tx) => {
      const [due] = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM saved_reports
        WHERE organization_id = ${organizationId}::uuid AND next_run_at <= ${now}
        ORDER BY next_run_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`;
      if (!due) return null;
      const report = savedReportDto(await tx.savedReport.findUniqueOrThrow({ where: { id: due.id } }));
      const organization = await tx.organization.findUniqueOrThrow({
        where: { id: organizationId },
        select: { locale: true, timezone: true, name: true },
      });
      const smtp = emailAvailable();
      if (smtp) {
        const words = organizationWords(organization);
        const table = await buildReportTable(tx, organizationId, report);
        const file = await reportFile(report, table, report.schedule.format, words);
        const values = { name: report.name, organization: organization.name, from: table.from, to: table.to };
        await sendEmail({
          to: report.schedule.recipients,
          subject: words.word("reports.email.subject", values),
          text: words.word("reports.email.body", values),
          attachments: [{ filename: file.fileName, content: file.body, contentType: file.contentType }],
        });
      }
      await tx.savedReport.update({
        where: { id: report.id },
        data: {
          nextRunAt: nextReportRun(report.schedule, organization.timezone, now),
          ...(smtp ? { lastSentAt: now } : {}),
        },
      });
      await recordAudit(tx, {
        organizationId,
        actorUserId: null,
        action: smtp ? "report.emailed" : "report.email_skipped",
        targetType: "saved_report",
        targetId: report.id,
        metadata: { recipients: report.schedule.recipients.length, format: report.schedule.format },
      });
      return smtp ? "sent" : "skipped";
    });
    if (!delivered) return outcome;
    outcome[delivered]++;
  }
}
