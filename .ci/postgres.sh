#!/usr/bin/env bash
# A throwaway PostgreSQL for the scheduler's scale test and bench (test/scale/, bench/scheduler.mjs): Debian's
# `postgresql` package, a new cluster in a temporary directory, listening on 127.0.0.1 only, trust auth.
#
#   eval "$(bash .ci/postgres.sh start)"   # installs postgresql if missing, starts a cluster, prints the PG* exports
#   npm run test:scale
#   bash .ci/postgres.sh stop              # stops the cluster and removes its directory
#
# The cluster's directory is written to $STATE (default /tmp/slakit-postgres.dir) so that `stop` finds it.
# PGPORT defaults to 54329, away from a system cluster on 5432. Run as root (CI, this machine) or as any user
# who can run initdb; as root the server runs as the `postgres` user, which owns the directory.
set -euo pipefail

STATE=${SLAKIT_PG_STATE:-/tmp/slakit-postgres.dir}
PORT=${SLAKIT_PG_PORT:-54329}

log() { echo "postgres.sh: $*" >&2; }

install_postgres() {
  if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then return; fi
  if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
    log "PostgreSQL is not installed and cannot be installed here (needs root and apt-get)"
    exit 1
  fi
  log "installing Debian's postgresql"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=300 update -qq >&2
  apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends postgresql >&2
}

bindir() {
  # The newest installed major version.
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  echo "$dir"
}

as_owner() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
  install_postgres
  local bin dir
  bin=$(bindir)
  if [ -f "$STATE" ]; then
    dir=$(cat "$STATE")
    if [ -d "$dir/data" ] && as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
      log "a cluster is already running from $dir; stop it first (bash .ci/postgres.sh stop)"
      exit 1
    fi
    log "removing the leftovers of a cluster that is no longer running ($dir)"
    rm -rf "$dir" "$STATE"
  fi
  dir=$(mktemp -d /tmp/slakit-postgres.XXXXXX)
  [ "$(id -u)" = "0" ] && chown postgres:postgres "$dir"
  echo "$dir" >"$STATE"
  as_owner "$bin/initdb" -D "$dir/data" --username=postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
    >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
  # 127.0.0.1 only; the Unix socket in the cluster's own directory; enough connections for 3 workers + bench.
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $dir -c max_connections=200 -c fsync=off" start >&2 \
    || { cat "$dir/server.log" >&2; exit 1; }
  log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT (data in $dir/data)"
  echo "export PGHOST=127.0.0.1 PGPORT=$PORT PGUSER=postgres PGDATABASE=postgres"
}

stop() {
  if [ ! -f "$STATE" ]; then
    log "no cluster recorded in $STATE"
    return 0
  fi
  local dir
  dir=$(cat "$STATE")
  if [ -d "$dir/data" ]; then
    as_owner "$(bindir)/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >&2 || true
  fi
  rm -rf "$dir" "$STATE"
  log "stopped and removed $dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
