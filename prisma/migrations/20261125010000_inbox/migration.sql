-- Inbox: contacts, conversations, messages, tags, quick replies; dead-lettered webhook deliveries.

-- Both are trusted extensions: the database owner may create them without superuser rights.
CREATE EXTENSION IF NOT EXISTS "unaccent";
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- unaccent() is only STABLE (its dictionary could change), so generated columns and indexes use this
-- immutable wrapper that names the dictionary explicitly.
CREATE FUNCTION mirage_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

-- Portuguese full-text search that ignores accents: "não" finds "nao" and the other way round.
CREATE TEXT SEARCH CONFIGURATION mirage_portuguese (COPY = pg_catalog.portuguese);
ALTER TEXT SEARCH CONFIGURATION mirage_portuguese
    ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, portuguese_stem;

-- AlterTable
ALTER TABLE "webhook_deliveries" ADD COLUMN "dead_at" TIMESTAMPTZ(3);

-- CreateEnum
CREATE TYPE "ConversationKind" AS ENUM ('direct', 'group');

-- CreateEnum
CREATE TYPE "ConversationStatus" AS ENUM ('open', 'pending', 'closed');

-- CreateEnum
CREATE TYPE "MessageDirection" AS ENUM ('inbound', 'outbound', 'internal');

-- CreateEnum
CREATE TYPE "MessageType" AS ENUM ('text', 'image', 'video', 'audio', 'voice', 'document', 'sticker', 'location', 'contact', 'note', 'unsupported');

-- CreateEnum
CREATE TYPE "MessageStatus" AS ENUM ('received', 'pending', 'sending', 'sent', 'delivered', 'read', 'played', 'failed', 'unknown');

-- CreateEnum
CREATE TYPE "MediaStatus" AS ENUM ('pending', 'stored', 'failed', 'rejected');

-- CreateTable
CREATE TABLE "contacts" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "name" TEXT,
    "push_name" TEXT,
    "phone_e164" TEXT,
    "lid" TEXT,
    "profile_picture_url" TEXT,
    "search_text" TEXT GENERATED ALWAYS AS (
        lower(mirage_unaccent(coalesce("name", '') || ' ' || coalesce("push_name", '') || ' ' || coalesce("phone_e164", '')))
    ) STORED,
    "last_interaction_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "contacts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "conversations" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "instance_id" UUID NOT NULL,
    "kind" "ConversationKind" NOT NULL,
    "chat_key" TEXT NOT NULL,
    "chat_jid" TEXT NOT NULL,
    "contact_id" UUID,
    "subject" TEXT,
    "status" "ConversationStatus" NOT NULL DEFAULT 'open',
    "assignee_id" UUID,
    "unread_count" INTEGER NOT NULL DEFAULT 0,
    "last_activity_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_message_preview" TEXT,
    "last_message_direction" "MessageDirection",
    "last_inbound_at" TIMESTAMPTZ(3),
    "closed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "conversations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "messages" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "instance_id" UUID NOT NULL,
    "conversation_id" UUID NOT NULL,
    "provider_message_id" TEXT,
    "client_message_id" TEXT,
    "direction" "MessageDirection" NOT NULL,
    "type" "MessageType" NOT NULL,
    "body" TEXT,
    "status" "MessageStatus" NOT NULL,
    "failure_reason" TEXT,
    "sender_contact_id" UUID,
    "sender_name" TEXT,
    "author_user_id" UUID,
    "sent_at" TIMESTAMPTZ(3) NOT NULL,
    "quoted_provider_message_id" TEXT,
    "details" JSONB,
    "reactions" JSONB NOT NULL DEFAULT '{}',
    "media_key" TEXT,
    "media_mime_type" TEXT,
    "media_file_name" TEXT,
    "media_size" INTEGER,
    "media_status" "MediaStatus",
    "media_error" TEXT,
    "edited_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "send_claimed_at" TIMESTAMPTZ(3),
    "search_vector" tsvector GENERATED ALWAYS AS (
        to_tsvector('mirage_portuguese'::regconfig, coalesce("body", '') || ' ' || coalesce("media_file_name", ''))
    ) STORED,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "message_receipts" (
    "organization_id" UUID NOT NULL,
    "instance_id" UUID NOT NULL,
    "provider_message_id" TEXT NOT NULL,
    "status" "MessageStatus" NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "message_receipts_pkey" PRIMARY KEY ("instance_id","provider_message_id","status")
);

-- CreateTable
CREATE TABLE "tags" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "color" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tags_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "conversation_tags" (
    "conversation_id" UUID NOT NULL,
    "tag_id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "conversation_tags_pkey" PRIMARY KEY ("conversation_id","tag_id")
);

-- CreateTable
CREATE TABLE "quick_replies" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "shortcut" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "quick_replies_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "webhook_deliveries_organization_id_dead_at_idx" ON "webhook_deliveries"("organization_id", "dead_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "contacts_organization_id_phone_e164_key" ON "contacts"("organization_id", "phone_e164");

-- CreateIndex
CREATE UNIQUE INDEX "contacts_organization_id_lid_key" ON "contacts"("organization_id", "lid");

-- CreateIndex
CREATE UNIQUE INDEX "contacts_id_organization_id_key" ON "contacts"("id", "organization_id");

-- CreateIndex
CREATE INDEX "contacts_search_text_idx" ON "contacts" USING GIN ("search_text" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "conversations_instance_id_chat_key_key" ON "conversations"("instance_id", "chat_key");

-- CreateIndex
CREATE UNIQUE INDEX "conversations_id_organization_id_key" ON "conversations"("id", "organization_id");

-- CreateIndex
CREATE INDEX "conversations_organization_id_last_activity_at_id_idx" ON "conversations"("organization_id", "last_activity_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "conversations_organization_id_status_last_activity_at_id_idx" ON "conversations"("organization_id", "status", "last_activity_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "conversations_organization_id_assignee_id_last_activity_at__idx" ON "conversations"("organization_id", "assignee_id", "last_activity_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "conversations_contact_id_idx" ON "conversations"("contact_id");

-- CreateIndex
CREATE UNIQUE INDEX "messages_instance_id_provider_message_id_key" ON "messages"("instance_id", "provider_message_id");

-- CreateIndex
CREATE UNIQUE INDEX "messages_conversation_id_client_message_id_key" ON "messages"("conversation_id", "client_message_id");

-- CreateIndex
CREATE INDEX "messages_conversation_id_sent_at_id_idx" ON "messages"("conversation_id", "sent_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "messages_conversation_id_updated_at_idx" ON "messages"("conversation_id", "updated_at");

-- CreateIndex
CREATE INDEX "messages_organization_id_status_idx" ON "messages"("organization_id", "status");

-- CreateIndex
CREATE INDEX "messages_search_vector_idx" ON "messages" USING GIN ("search_vector");

-- CreateIndex
CREATE UNIQUE INDEX "tags_organization_id_name_key" ON "tags"("organization_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "tags_id_organization_id_key" ON "tags"("id", "organization_id");

-- CreateIndex
CREATE INDEX "conversation_tags_tag_id_idx" ON "conversation_tags"("tag_id");

-- CreateIndex
CREATE UNIQUE INDEX "quick_replies_organization_id_shortcut_key" ON "quick_replies"("organization_id", "shortcut");

-- AddForeignKey
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_instance_id_organization_id_fkey" FOREIGN KEY ("instance_id", "organization_id") REFERENCES "instances"("id", "organization_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_contact_id_organization_id_fkey" FOREIGN KEY ("contact_id", "organization_id") REFERENCES "contacts"("id", "organization_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "messages" ADD CONSTRAINT "messages_instance_id_organization_id_fkey" FOREIGN KEY ("instance_id", "organization_id") REFERENCES "instances"("id", "organization_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "messages" ADD CONSTRAINT "messages_conversation_id_organization_id_fkey" FOREIGN KEY ("conversation_id", "organization_id") REFERENCES "conversations"("id", "organization_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "message_receipts" ADD CONSTRAINT "message_receipts_instance_id_organization_id_fkey" FOREIGN KEY ("instance_id", "organization_id") REFERENCES "instances"("id", "organization_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tags" ADD CONSTRAINT "tags_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conversation_tags" ADD CONSTRAINT "conversation_tags_conversation_id_organization_id_fkey" FOREIGN KEY ("conversation_id", "organization_id") REFERENCES "conversations"("id", "organization_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conversation_tags" ADD CONSTRAINT "conversation_tags_tag_id_organization_id_fkey" FOREIGN KEY ("tag_id", "organization_id") REFERENCES "tags"("id", "organization_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quick_replies" ADD CONSTRAINT "quick_replies_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-Level Security (see the foundation migration).
ALTER TABLE "contacts" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "contacts" FORCE ROW LEVEL SECURITY;
CREATE POLICY "contacts_tenant" ON "contacts"
    USING ("organization_id" = mirage_current_organization_id())
    WITH CHECK ("organization_id" = mirage_current_organization_id());

ALTER TABLE "conversations" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "conversations" FORCE ROW LEVEL SECURITY;
CREATE POLICY "conversations_tenant" ON "conversations"
    USING ("organization_id" = mirage_current_organization_id())
    WITH CHECK ("organization_id" = mirage_current_organization_id());

ALTER TABLE "messages" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "messages" FORCE ROW LEVEL SECURITY;
CREATE POLICY "messages_tenant" ON "messages"
    USING ("organization_id" = mirage_current_organization_id())
    WITH CHECK ("organization_id" = mirage_current_organization_id());

ALTER TABLE "message_receipts" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "message_receipts" FORCE ROW LEVEL SECURITY;
CREATE POLICY "message_receipts_tenant" ON "message_receipts"
    USING ("organization_id" = mirage_current_organization_id())
    WITH CHECK ("organization_id" = mirage_current_organization_id());

ALTER TABLE "tags" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "tags" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tags_tenant" ON "tags"
    USING ("organization_id" = mirage_current_organization_id())
    WITH CHECK ("organization_id" = mirage_current_organization_id());

ALTER TABLE "conversation_tags" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "conversation_tags" FORCE ROW LEVEL SECURITY;
CREATE POLICY "conversation_tags_tenant" ON "conversation_tags"
    USING ("organization_id" = mirage_current_organization_id())
    WITH CHECK ("organization_id" = mirage_current_organization_id());

ALTER TABLE "quick_replies" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "quick_replies" FORCE ROW LEVEL SECURITY;
CREATE POLICY "quick_replies_tenant" ON "quick_replies"
    USING ("organization_id" = mirage_current_organization_id())
    WITH CHECK ("organization_id" = mirage_current_organization_id());
