-- Organization business hours (per ISO weekday open intervals in minutes, national holidays, own closed days),
-- and the business-hours duration of first response / resolution events with its own rollup bucket.
ALTER TABLE "organizations" ADD COLUMN "business_hours" JSONB NOT NULL DEFAULT '{"week":{"1":[[480,1080]],"2":[[480,1080]],"3":[[480,1080]],"4":[[480,1080]],"5":[[480,1080]],"6":[],"7":[]},"observeNationalHolidays":true,"closedDays":[]}';

ALTER TABLE "reporting_events" ADD COLUMN "business_value" DOUBLE PRECISION;

ALTER TABLE "reporting_daily" ADD COLUMN "business_bucket" INTEGER;
