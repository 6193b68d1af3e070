#!/usr/bin/env bash
# Runs PostgreSQL from the distribution's packages for the AppHost. Initialises the data folder on
# first use, then exec's the server so that the process Aspire stops is PostgreSQL itself (a clean
# shutdown, no crash recovery on the next start). PostgreSQL refuses to run as root, so as root the
# server runs as the distribution's postgres user.
set -euo pipefail
: "${PGDATA:?}" "${PGPORT:?}" "${PG_BIN:?}" "${PG_PASSWORD_FILE:?}"

as_server_user=()
mkdir -p "$PGDATA"
if [ "$(id -u)" = 0 ]; then
  as_server_user=(setpriv --reuid=postgres --regid=postgres --init-groups --)
  chown postgres:postgres "$PGDATA" "$PG_PASSWORD_FILE"
fi
chmod 700 "$PGDATA"

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  "${as_server_user[@]}" "$PG_BIN/initdb" -D "$PGDATA" -U postgres --pwfile="$PG_PASSWORD_FILE" \
    --auth-host=scram-sha-256 --auth-local=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  echo "initialised a new PostgreSQL cluster in $PGDATA"
fi

# -k "": no Unix socket (its lock file would sit in a folder the server user cannot write).
# pg_stat_statements is loaded so that the slowest statements can be listed (the benchmarks do).
exec "${as_server_user[@]}" "$PG_BIN/postgres" -D "$PGDATA" -h 127.0.0.1 -k "" -p "$PGPORT" \
  -c max_connections=300 -c shared_buffers=256MB -c shared_preload_libraries=pg_stat_statements
