-- The gateway's database and roles on a server where its owner is no superuser and creates
-- no roles (see README, "Database roles"). Run once, as a superuser, with psql variables:
--   database, owner_role, owner_password, request_role, request_password
-- 10-gongzhi-roles.sh runs it on the compose PostgreSQL's first start.
\set ON_ERROR_STOP on

-- gongzhi_app is per server: the role request transactions SET LOCAL ROLE to, under row-level security.
select 'create role gongzhi_app nologin nosuperuser nobypassrls'
  where not exists (select 1 from pg_roles where rolname = 'gongzhi_app') \gexec

-- The system connection (DATABASE_URL): owns the tables, may grant gongzhi_app, nothing more.
create role :"owner_role" login nosuperuser nocreatedb nocreaterole password :'owner_password';
grant gongzhi_app to :"owner_role" with admin option;

-- The request connection (GONGZHI_REQUEST_DATABASE_URL): owns nothing, no rights of its own.
create role :"request_role" login noinherit nosuperuser nocreatedb nocreaterole nobypassrls password :'request_password';
grant gongzhi_app to :"request_role";

create database :"database" owner :"owner_role";
alter database :"database" set jit = off;
