-- Holds on a member's exports, deletions or sign-ins after an anomaly, until another admin confirms.

-- CreateTable
CREATE TABLE "member_holds" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "observed" INTEGER NOT NULL,
    "threshold" INTEGER NOT NULL,
    "window_minutes" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3),
    "confirmed_at" TIMESTAMPTZ(3),
    "confirmed_by_user_id" UUID,

    CONSTRAINT "member_holds_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "member_holds_organization_id_user_id_kind_idx" ON "member_holds"("organization_id", "user_id", "kind");

-- CreateIndex
CREATE INDEX "member_holds_user_id_kind_idx" ON "member_holds"("user_id", "kind");

-- AddForeignKey
ALTER TABLE "member_holds" ADD CONSTRAINT "member_holds_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-Level Security, as for every tenant table (see the foundation migration). A person may also read their
-- own holds in every organization (sign-in checks them before any organization is chosen), never write them.
ALTER TABLE "member_holds" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "member_holds" FORCE ROW LEVEL SECURITY;
CREATE POLICY "member_holds_tenant" ON "member_holds"
    USING ("organization_id" = mirage_current_organization_id())
    WITH CHECK ("organization_id" = mirage_current_organization_id());
CREATE POLICY "member_holds_own_read" ON "member_holds" FOR SELECT
    USING ("user_id" = mirage_current_user_id());
