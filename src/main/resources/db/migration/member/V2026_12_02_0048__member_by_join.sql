-- The dashboard (analytics) counts the members who joined in a range of days without reading them all.
CREATE INDEX member_by_join ON member (tenant_id, created_at);
