-- VIVIM cost database: database-wide configuration.
-- Loaded first, before the 14 schema files. Safe to run more than once.
--
-- createdb vivim_costs_db
-- psql -v ON_ERROR_STOP=1 -d vivim_costs_db -f seeds/config/database_config.sql

SET client_min_messages = warning;

-- plpgsql is built in; nothing here needs contrib extensions, so the embedded
-- pgserver build and any stock PostgreSQL 15+ load the same files.
CREATE EXTENSION IF NOT EXISTS plpgsql;

-- Every table carries created_at / updated_at. One trigger function keeps
-- updated_at honest on UPDATE; schema files attach it with
-- vivim_attach_updated_at_triggers() at their end, so no table is forgotten.
CREATE OR REPLACE FUNCTION vivim_set_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;

CREATE OR REPLACE FUNCTION vivim_attach_updated_at_triggers() RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    t record;
    attached integer := 0;
BEGIN
    FOR t IN
        SELECT c.relname
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'updated_at' AND NOT a.attisdropped
        WHERE n.nspname = 'public' AND c.relkind = 'r'
          AND NOT EXISTS (
              SELECT 1 FROM pg_trigger tg
              WHERE tg.tgrelid = c.oid AND tg.tgname = 'trg_' || c.relname || '_updated_at')
    LOOP
        EXECUTE format(
            'CREATE TRIGGER %I BEFORE UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION vivim_set_updated_at()',
            'trg_' || t.relname || '_updated_at', t.relname);
        attached := attached + 1;
    END LOOP;
    RETURN attached;
END;
$$;

-- A read-only analyst role: can read every table and view, write nothing.
-- Roles are cluster-wide, so create it only when missing.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'vivim_analyst') THEN
        CREATE ROLE vivim_analyst NOLOGIN;
    END IF;
END;
$$;

GRANT USAGE ON SCHEMA public TO vivim_analyst;
-- Tables and views created later in this schema by the loading user are
-- readable by the analyst role without a grant per object.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO vivim_analyst;
