-- A subscription is in service only once its tenant is provisioned: when that happened (null: not active yet, or
-- never, after a failed provisioning)
alter table subscription_directory add column activated_at timestamptz;
