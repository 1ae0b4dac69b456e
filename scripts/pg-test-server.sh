#!/usr/bin/env bash
# A throw-away PostgreSQL + PostGIS server for the store tests, on 127.0.0.1 only.
#   pg-test-server.sh start   creates the cluster on first use, starts it (idempotent)
#   pg-test-server.sh stop    stops it (idempotent)
#   pg-test-server.sh url     prints the GDAL connection string of the test database
# Environment: TRYGG_PG_DIR (cluster folder, default /tmp/tryggkarta-pg-$TRYGG_PG_PORT),
# TRYGG_PG_PORT (default 55432). When PostgreSQL or PostGIS is not installed, `start` says so
# and exits 0 without writing "$TRYGG_PG_DIR/url": the tests read that file and skip.
set -euo pipefail

port="${TRYGG_PG_PORT:-55432}"
dir="${TRYGG_PG_DIR:-/tmp/tryggkarta-pg-$port}"
database="trygg_test"
url_file="$dir/url"

pg_bin() {
    local found
    found="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
    [[ -n "$found" && -x "$found/pg_ctl" ]] && echo "$found"
}

# initdb refuses to run as root: the cluster belongs to the postgres user then.
as_owner() {
    if [[ $(id -u) -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

psql_admin() {
    "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres "$@"
}

url() {
    echo "PG:host=127.0.0.1 port=$port dbname=$database user=postgres"
}

running() {
    [[ -f "$data/PG_VERSION" ]] && as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1
}

# The cluster lives in $dir unless the postgres user cannot reach it (a build under /root):
# then in /tmp. The url file stays in $dir, where the tests look for it.
choose_home() {
    mkdir -p "$dir"
    home="$dir"
    if [[ $(id -u) -eq 0 ]]; then
        chown postgres: "$dir"
        if ! runuser -u postgres -- test -w "$dir"; then
            home="/tmp/tryggkarta-pg-$port"
            mkdir -p "$home"
            chown postgres: "$home"
        fi
    fi
    data="$home/data"
}

create_cluster() {
    rm -f "$url_file"
    as_owner "$bin/initdb" -D "$data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
        -E UTF8 --locale=C.UTF-8 >/dev/null
    # The superuser may connect without a password from this machine only; every other role
    # (the users the tests create) must give its password, so a wrong one is refused.
    as_owner bash -c "printf '%s\n' 'host all postgres 127.0.0.1/32 trust' \
        'host all all 127.0.0.1/32 scram-sha-256' >'$data/pg_hba.conf'"
    as_owner bash -c "printf '%s\n' \"listen_addresses = '127.0.0.1'\" 'port = $port' \
        \"unix_socket_directories = '$home'\" 'fsync = off' 'max_connections = 60' \
        >>'$data/postgresql.conf'"
}

create_database() {
    psql_admin -d postgres -c "CREATE DATABASE $database"
    psql_admin -d "$database" -c "CREATE EXTENSION IF NOT EXISTS postgis"
}

start() {
    if [[ ! -f "$data/PG_VERSION" ]]; then
        create_cluster
    fi
    if ! running; then
        as_owner "$bin/pg_ctl" -D "$data" -l "$home/server.log" -w -t 30 start >/dev/null
    fi
    if ! psql_admin -d postgres -tA -c "SELECT 1 FROM pg_database WHERE datname = '$database'" |
        grep -q 1; then
        create_database
    fi
    url >"$url_file"
    echo "pg-test-server: running on 127.0.0.1:$port ($(url))"
}

stop() {
    if [[ -f "$data/PG_VERSION" ]] && running; then
        as_owner "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null
        echo "pg-test-server: stopped"
    fi
    rm -f "$url_file"
}

bin="$(pg_bin || true)"
command="${1:-}"
if [[ -z "$bin" || ! -d /usr/share/postgresql ]] ||
    ! ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1; then
    echo "pg-test-server: PostgreSQL with PostGIS is not installed (scripts/setup.sh installs it);" \
        "the store tests are skipped"
    rm -f "$url_file" 2>/dev/null || true
    [[ "$command" == url ]] && exit 1
    exit 0
fi

choose_home
case "$command" in
start) start ;;
stop) stop ;;
url) url ;;
*)
    echo "usage: $0 start|stop|url" >&2
    exit 2
    ;;
esac
