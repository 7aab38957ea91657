import { listBackupsOutput, requestBackupOutput } from "../../domain/backups/backup-outputs";
import { listBackups } from "../../domain/backups/list-backups";
import { requestBackup } from "../../domain/backups/request-backup";
import { adminProcedure, router } from "../trpc";

/** Configurações → Backups: the installation's backups (platform admins, checked in the domain). */
export const backupsRouter = router({
  list: adminProcedure.output(listBackupsOutput).query(({ ctx }) => listBackups(ctx.actor)),
  run: adminProcedure.output(requestBackupOutput).mutation(({ ctx }) => requestBackup(ctx.actor)),
});
