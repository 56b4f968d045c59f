-- The SchedulePolicy decision (rules-service) a campaign took for each of its groups when it started:
-- quiet hours, contact cap, platform limits, 1:1 layers, with the table version and rows that fired.
-- Kept with the campaign so later table edits never change a running campaign. NULL for campaigns
-- started before the table existed: the scheduler asks the table at their next step and stores it.
ALTER TABLE campaign_group ADD COLUMN schedule_policy jsonb;
