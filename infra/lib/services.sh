# shellcheck shell=bash
# PostgreSQL and Azurite for infra/desc.
#
# The caller describes the cluster with these variables:
#   PG_DIR      parent directory, owned by postgres (holds data/, the socket dir)
#   PG_DATA     the cluster ($PG_DIR/data)
#   PG_SOCK     unix socket directory
#   PG_LOG      server log file
#   PG_PORT     TCP port on 127.0.0.1;  PG_PORT_VAR names the variable that sets it
#   PG_EXTRA    extra postgres options (e.g. "-c fsync=off" for throwaway clusters)
# and Azurite with AZ_LOCATION (empty for --inMemoryPersistence), AZ_PORT,
# AZ_PORT_VAR, AZ_LOG.

# Azurite's published, well-known development account (not a secret; the same
# string is in node_modules/azurite/dist).
AZURITE_ACCOUNT=devstoreaccount1
AZURITE_KEY='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='

pg_connection_string() { # $1 port, $2 database
    printf 'Host=127.0.0.1;Port=%s;Username=postgres;Database=%s' "$1" "$2"
}

blob_connection_string() { # $1 port
    printf 'DefaultEndpointsProtocol=http;AccountName=%s;AccountKey=%s;BlobEndpoint=http://127.0.0.1:%s/%s;' \
        "$AZURITE_ACCOUNT" "$AZURITE_KEY" "$1" "$AZURITE_ACCOUNT"
}

# ---------------------------------------------------------------- PostgreSQL

# fd 9 is infra/desc's lock: long-lived children must not inherit it, or a
# killed run would leave the lock held by its orphans.
# It runs from / since postgres may not be allowed into the caller's cwd.
as_postgres() { (cd / && exec runuser -u postgres -- "$@") 9>&-; }

# The server binaries: those matching an existing cluster, else the newest installed.
pg_select_bin() {
    local v
    if [[ -f $PG_DATA/PG_VERSION ]]; then
        v=$(<"$PG_DATA/PG_VERSION")
        PG_BIN=/usr/lib/postgresql/$v/bin
        [[ -x $PG_BIN/pg_ctl ]] ||
            die "the cluster in $PG_DATA is PostgreSQL $v, which is not installed here; remove $PG_DIR to start afresh"
    else
        PG_BIN=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin 2>/dev/null | sort -V | tail -n1)
        [[ -n $PG_BIN && -x $PG_BIN/pg_ctl ]] || die "PostgreSQL server binaries not found under /usr/lib/postgresql"
    fi
}

# postgres must be able to traverse every parent of its directories; give
# others search permission (o+x, not read) on any parent that lacks it.
make_reachable_by_postgres() {
    local target=$1 path="" part parts
    as_postgres test -x "$target" 2>/dev/null && return 0
    IFS=/ read -ra parts <<<"${target#/}"
    for part in "${parts[@]}"; do
        path+="/$part"
        if ! as_postgres test -x "$path" 2>/dev/null; then
            say "letting user postgres traverse $path (chmod o+x)"
            chmod o+x "$path"
        fi
    done
}

# initdb once. A cluster whose initdb never finished (no marker) is redone.
pg_init() {
    install -d -m 755 -o postgres -g postgres "$PG_DIR" "$PG_SOCK"
    make_reachable_by_postgres "$PG_DIR"
    touch "$PG_LOG" && chown postgres:postgres "$PG_LOG"
    if [[ -f $PG_DIR/.initialized && -f $PG_DATA/PG_VERSION ]]; then
        # Files made on a machine where postgres had another uid.
        [[ "$(stat -c %U "$PG_DATA")" == postgres ]] || chown -R postgres:postgres "$PG_DIR"
        return 0
    fi
    rm -rf "$PG_DATA"
    pg_select_bin
    say "creating PostgreSQL cluster in $PG_DATA"
    # shellcheck disable=SC2086 # PG_INITDB_EXTRA holds options, split on purpose
    as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
        ${PG_INITDB_EXTRA:-} >>"$PG_LOG" 2>&1 || { tail -n 20 "$PG_LOG" >&2; die "initdb failed (log: $PG_LOG)"; }
    touch "$PG_DIR/.initialized"
}

# Pid of a postmaster running from THIS data directory (postgres keeps its
# data directory as cwd), else fail. A pid file alone proves nothing.
pg_live_pid() {
    local pid
    pid=$(read_pid "$PG_DATA/postmaster.pid")
    [[ -n $pid ]] && proc_in_data_dir "$pid" && echo "$pid"
}

proc_in_data_dir() {
    alive "$1" && [[ "$(readlink "/proc/$1/cwd" 2>/dev/null || true)" == "$(readlink -f "$PG_DATA")" ]]
}

# Processes left from a postmaster that was killed outright (its backends
# and auxiliary processes exit on their own once they notice).
pg_leftovers() {
    local p pid want
    want=$(readlink -f "$PG_DATA")
    for p in /proc/[0-9]*; do
        pid=${p#/proc/}
        [[ "$(readlink "$p/cwd" 2>/dev/null || true)" == "$want" ]] && alive "$pid" && echo "$pid"
    done
    return 0
}

# A postmaster.pid without its server (the run was killed): wait for the old
# server's children to go (kill them if they linger), then drop the file and
# the socket locks, so the next start never trips over them.
pg_clear_stale() {
    local left i
    pg_live_pid >/dev/null && return 0
    if [[ -f $PG_DATA/postmaster.pid ]]; then
        for ((i = 0; i < 50; i++)); do
            left=$(pg_leftovers)
            [[ -z $left ]] && break
            # shellcheck disable=SC2086 # a list of pids
            if ((i == 30)); then kill -KILL $left 2>/dev/null || true; fi
            sleep 0.2
        done
        say "removing stale $PG_DATA/postmaster.pid (PostgreSQL was not shut down cleanly)"
        rm -f "$PG_DATA/postmaster.pid"
    fi
    # A socket lock names the dead postmaster too. Postgres ignores it when
    # that pid is gone, but where init is slow to reap orphans the pid lingers
    # as a zombie and postgres refuses to start. This directory is ours alone.
    rm -f "$PG_SOCK"/.s.PGSQL.*
}

# Start the cluster on PG_PORT; reuse it if it already runs there from this
# data directory, restart it if it runs on another port.
pg_start() {
    local pid port sock opts
    pg_select_bin
    if pid=$(pg_live_pid); then
        port=$(sed -n 4p "$PG_DATA/postmaster.pid")
        if [[ $port == "$PG_PORT" ]]; then
            say "PostgreSQL already running from $PG_DATA (pid $pid, port $port): reusing it"
            return 0
        fi
        say "PostgreSQL from $PG_DATA runs on port $port; restarting it on $PG_PORT"
        pg_stop fast
    fi
    pg_clear_stale
    require_free_port "$PG_PORT" "$PG_PORT_VAR"

    # A unix socket path is limited to 107 bytes: TCP only if the repo path is too long.
    sock=$PG_SOCK
    ((${#sock} + 20 < 107)) || sock=""
    opts="-c listen_addresses=127.0.0.1 -c port=$PG_PORT -c unix_socket_directories='$sock' ${PG_EXTRA:-}"
    if ! as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -o "$opts" -w -t 60 -s start </dev/null; then
        tail -n 20 "$PG_LOG" >&2
        die "PostgreSQL did not start (log: $PG_LOG)"
    fi
    say "PostgreSQL running on 127.0.0.1:$PG_PORT (pid $(pg_live_pid || echo '?'))"
}

# $1: fast (keeps data safe) or immediate (throwaway clusters).
pg_stop() {
    pg_live_pid >/dev/null || return 0
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m "${1:-fast}" -w -t 60 -s stop </dev/null ||
        warn "pg_ctl stop failed (log: $PG_LOG)"
}

pg_psql() { "$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 "$@"; }

pg_ensure_database() {
    local db=$1
    if [[ -z "$(pg_psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]]; then
        say "creating database $db"
        pg_psql -d postgres -c "CREATE DATABASE \"$db\""
    fi
}

# ---------------------------------------------------------------- Azurite

AZURITE_MAIN=$INFRA/node_modules/azurite/dist/src/blob/main.js

# True if pid $1 is an Azurite blob server storing into AZ_LOCATION.
azurite_is_ours() {
    local cmd
    alive "$1" || return 1
    cmd=$(cmdline "$1")
    [[ $cmd == *"$AZURITE_MAIN"* && $cmd == *"--location $AZ_LOCATION "* ]]
}

# Port an Azurite process was started with.
azurite_port_of() { cmdline "$1" | sed -n 's/.*--blobPort \([0-9]*\).*/\1/p'; }

# Start the blob service; extra arguments go to Azurite. Sets AZ_PID.
# node is started directly (not through npx) so AZ_PID is the server itself,
# in a session of its own so a Ctrl-C reaches our trap first, not the server.
azurite_start() {
    local i code
    local workdir args=(--blobHost 127.0.0.1 --blobPort "$AZ_PORT" --skipApiVersionCheck --disableTelemetry --silent)
    require_free_port "$AZ_PORT" "$AZ_PORT_VAR"
    # --inMemoryPersistence refuses --location: AZ_LOCATION is then empty.
    if [[ -n $AZ_LOCATION ]]; then
        mkdir -p "$AZ_LOCATION"
        args+=(--location "$AZ_LOCATION")
    fi
    # cwd: the log's directory, so nothing Azurite writes lands elsewhere.
    workdir=$(dirname "$AZ_LOG")
    (cd "$workdir" && exec setsid node "$AZURITE_MAIN" "${args[@]}" "$@") \
        </dev/null >>"$AZ_LOG" 2>&1 9>&- &
    AZ_PID=$!
    for ((i = 0; i < 300; i++)); do
        alive "$AZ_PID" || { tail -n 20 "$AZ_LOG" >&2; die "Azurite exited at start (log: $AZ_LOG)"; }
        code=$(curl -s -o /dev/null -m 2 -w '%{http_code}' "http://127.0.0.1:$AZ_PORT/$AZURITE_ACCOUNT?comp=list" || true)
        [[ $code != 000 ]] && { say "Azurite blob service on 127.0.0.1:$AZ_PORT (pid $AZ_PID)"; return 0; }
        sleep 0.1
    done
    die "Azurite did not answer on port $AZ_PORT within 30 s (log: $AZ_LOG)"
}
