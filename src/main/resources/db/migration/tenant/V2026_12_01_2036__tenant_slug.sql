-- A tenant's slug names it in the customer pages' addresses (/w/{slug}). Tenants created before it
-- get theirs at the application's start (TenantSlugBackfill: the transliteration is ICU's, in Java).
ALTER TABLE tenant ADD COLUMN slug text CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 48);
CREATE UNIQUE INDEX tenant_slug ON tenant (slug);
