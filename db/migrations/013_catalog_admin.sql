-- Catalog apps as admins edit them: a description for the console, and the dnf package for Fedora and RHEL devices.
ALTER TABLE catalog_apps ADD COLUMN description text NOT NULL DEFAULT '';
ALTER TABLE catalog_apps ADD COLUMN dnf_id text;
-- Whether an app was ever requested is asked before a delete.
CREATE INDEX action_requests_app ON action_requests (tenant_id, app_id) WHERE app_id IS NOT NULL;
