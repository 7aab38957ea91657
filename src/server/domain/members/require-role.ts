import type { ErrorReason } from "../../../shared/error-reasons";
import { AppError } from "../../errors";
import type { Actor } from "./actor";
import { roleAtLeast, type MemberRole } from "./roles";

/** For use cases reached from route handlers too (no tRPC procedure to check the role there). */
export function requireRole(actor: Actor, minimum: MemberRole, reason: ErrorReason = "adminsOnly"): void {
  if (!roleAtLeast(actor.role, minimum)) throw new AppError("FORBIDDEN", reason);
}
