import { listAuditEntriesInput } from "../../../shared/schemas/audit";
import { listAuditEntriesOutput } from "../../domain/audit/audit-outputs";
import { listAuditEntries } from "../../domain/audit/list-audit-entries";
import { adminProcedure, router } from "../trpc";

/** The organization's audit log (Configurações → Auditoria): admins only. */
export const auditRouter = router({
  list: adminProcedure
    .input(listAuditEntriesInput)
    .output(listAuditEntriesOutput)
    .query(({ ctx, input }) => listAuditEntries(ctx.actor, input)),
});
