#!/bin/sh
# docker-entrypoint-initdb.d: runs once, on the first start of an empty PostgreSQL volume.
set -eu
psql --username "$POSTGRES_USER" --dbname postgres \
  -v database=gongzhi \
  -v owner_role=gongzhi_owner -v owner_password="$GONGZHI_OWNER_PASSWORD" \
  -v request_role=gongzhi_request -v request_password="$GONGZHI_REQUEST_PASSWORD" \
  -f /gongzhi/gongzhi-roles.sql
