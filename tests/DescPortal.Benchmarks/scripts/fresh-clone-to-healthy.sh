#!/usr/bin/env bash
# fresh-clone-to-healthy.sh: time from `git clone` to a portal whose /health answers 200, with `infra/desc run`.
#
#   tests/DescPortal.Benchmarks/scripts/fresh-clone-to-healthy.sh [--source REPO] [--keep] [--cold-caches]
#
#   --source REPO   what to clone (default: the repository this script is in; its last commit, not the work tree)
#   --keep          keep the temporary clone and its logs (default: removed at the end)
#   --cold-caches   afterwards, also time what a new machine adds: `npm ci` in infra/ with an empty npm cache and
#                   `dotnet restore` of the portal and of the whole solution with empty NuGet caches (the machine's
#                   own caches are not touched: the empty caches are temporary directories)
#
# Ports (environment, defaults chosen to stay clear of a portal on the default ports):
#   DESC_URLS (http://127.0.0.1:5280), DESC_PG_PORT (55632), DESC_BLOB_PORT (10200)
#
# It starts `infra/desc run` in the background, polls /health every 0.25 s (at most 600 s), sends SIGTERM to that
# script and checks that the portal, PostgreSQL and Azurite it started are gone, their ports free and nothing runs
# from the clone. Then, as the baseline of the same run, it starts `infra/desc run` once more in the same clone
# (installed, built, database seeded) and times that too. A benchmark, not a test: it prints figures; it exits
# non-zero only when the portal never became healthy or did not stop cleanly.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
SOURCE=$(git -C "$HERE" rev-parse --show-toplevel)
KEEP=0
COLD=0
while (($#)); do
    case $1 in
        --source) SOURCE=$2; shift 2 ;;
        --keep) KEEP=1; shift ;;
        --cold-caches) COLD=1; shift ;;
        -h | --help) sed -n '2,20s/^# \{0,1\}//p' "$0"; exit 0 ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done

export DESC_URLS=${DESC_URLS:-http://127.0.0.1:5280}
export DESC_PG_PORT=${DESC_PG_PORT:-55632}
export DESC_BLOB_PORT=${DESC_BLOB_PORT:-10200}
# The build runs in MSBuild's own process: no MSBuild worker nodes or server stay behind after the run.
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0
HEALTH=${DESC_URLS%%;*}
HEALTH=${HEALTH%/}/health
PORT=${HEALTH##*:}
PORT=${PORT%%/*}

WORK=$(mktemp -d /tmp/desc-fresh.XXXXXX)
chmod 755 "$WORK"   # postgres (another user) must traverse it to reach .data/
CLONE=$WORK/repo
RUN_PID=""

now() { echo "$EPOCHREALTIME"; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
alive() { [[ -e /proc/$1 ]] && [[ "$(awk '{ print $3 }' "/proc/$1/stat" 2>/dev/null)" != Z ]]; }
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

machine() {
    echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)," \
        "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(. /etc/os-release && echo "$PRETTY_NAME")," \
        ".NET SDK $(dotnet --version), node $(node --version)"
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ); load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
}

# Start `infra/desc run` in the clone; each output line is stamped with the time it arrived (log $1).
start_run() {
    local log=$1
    (cd "$CLONE" && exec infra/desc run) \
        > >(while IFS= read -r line; do printf '%s %s\n' "$EPOCHREALTIME" "$line"; done >"$log") 2>&1 &
    RUN_PID=$!
}

# Poll /health until 200; false if the run died or 600 s passed.
wait_healthy() {
    local code=000 deadline=$((SECONDS + 600))
    while ((SECONDS < deadline)); do
        code=$(curl -s -o /dev/null -m 2 -w '%{http_code}' "$HEALTH" || true)
        [[ $code == 200 ]] && return 0
        alive "$RUN_PID" || break
        sleep 0.25
    done
    echo "the portal did not become healthy (last /health answer: $code)" >&2
    return 1
}

stop_run() {
    [[ -n $RUN_PID ]] || return 0
    if alive "$RUN_PID"; then
        kill -TERM "$RUN_PID" 2>/dev/null || true
        for _ in $(seq 1 600); do alive "$RUN_PID" || break; sleep 0.1; done
        alive "$RUN_PID" && { echo "infra/desc run (pid $RUN_PID) did not stop within 60 s" >&2; return 1; }
    fi
    wait "$RUN_PID" 2>/dev/null || true
    RUN_PID=""
}

# SIGTERM the run, then check that what it started is gone.
stop_and_verify() {
    local portal az pg t left=() pid p proc
    portal=$(head -n1 "$CLONE/.data/portal.pid" 2>/dev/null || true)
    az=$(head -n1 "$CLONE/.data/azurite.pid" 2>/dev/null || true)
    pg=$(head -n1 "$CLONE/.data/postgres.pid" 2>/dev/null || true)
    t=$(now)
    stop_run
    for pid in $portal $az $pg; do alive "$pid" && left+=("$pid"); done
    for p in "$PORT" "$DESC_PG_PORT" "$DESC_BLOB_PORT"; do port_busy "$p" && left+=("port:$p"); done
    for proc in /proc/[0-9]*; do
        pid=${proc#/proc/}
        [[ $pid == "$$" || $pid == "$BASHPID" ]] && continue
        if [[ "$(readlink "$proc/cwd" 2>/dev/null)" == "$CLONE"* ]] || tr '\0' ' ' 2>/dev/null <"$proc/cmdline" | grep -qF "$CLONE"; then
            left+=("$pid")
        fi
    done 2>/dev/null
    echo "  stopped by SIGTERM in $(secs "$t" "$(now)") s (portal pid ${portal:-?}, Azurite pid ${az:-?}, PostgreSQL pid ${pg:-?})"
    if ((${#left[@]})); then
        echo "  NOT everything stopped: ${left[*]}" >&2
        return 1
    fi
    echo "  verified: those processes are gone, ports $PORT, $DESC_PG_PORT and $DESC_BLOB_PORT are free, nothing runs from the clone"
}

# Phases of a run from its stamped log $1, started at $2, healthy at $3.
phases() {
    local log=$1 t0=$2 t_healthy=$3 t_npm t_pg t_build t_start
    stamp_of() { grep -m1 -F -- "$1" "$log" | cut -d' ' -f1 || true; }
    t_npm=$(stamp_of "installing Azurite (npm ci")
    t_pg=$(stamp_of "PostgreSQL")
    t_build=$(stamp_of "building the portal (Release)")
    t_start=$(stamp_of "portal starting")
    if [[ -n $t_npm ]]; then
        echo "    npm ci in infra/ (Azurite; warm npm cache)    $(secs "$t0" "$t_pg") s"
    else
        echo "    checks (npm ci skipped: node_modules current) $(secs "$t0" "$t_pg") s"
    fi
    echo "    PostgreSQL + database + Azurite start          $(secs "$t_pg" "$t_build") s"
    echo "    dotnet build -c Release (restore + compile)    $(secs "$t_build" "$t_start") s"
    echo "    portal start to /health 200                    $(secs "$t_start" "$t_healthy") s"
}

cleanup() {
    set +e
    stop_run
    if ((KEEP)); then echo "kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

for p in "$PORT" "$DESC_PG_PORT" "$DESC_BLOB_PORT"; do
    port_busy "$p" && { echo "port $p is busy: choose other DESC_URLS / DESC_PG_PORT / DESC_BLOB_PORT" >&2; exit 2; }
done

machine
echo "source: $SOURCE ($(git -C "$SOURCE" rev-parse --short HEAD)); clone: $CLONE; health: $HEALTH"
echo

# ---------------------------------------------------------------- fresh clone to healthy
T0=$(now)
git clone -q "$SOURCE" "$CLONE"
T_CLONE=$(now)
start_run "$WORK/run1.log"
wait_healthy || { tail -n 40 "$WORK/run1.log" >&2; exit 1; }
T_HEALTHY=$(now)
FRESH=$(secs "$T0" "$T_HEALTHY")
echo "fresh clone to healthy: $FRESH s"
echo "    git clone                                      $(secs "$T0" "$T_CLONE") s"
phases "$WORK/run1.log" "$T_CLONE" "$T_HEALTHY"
stop_and_verify

# ---------------------------------------------------------------- baseline: the same clone again
T0=$(now)
start_run "$WORK/run2.log"
wait_healthy || { tail -n 40 "$WORK/run2.log" >&2; exit 1; }
T_HEALTHY=$(now)
AGAIN=$(secs "$T0" "$T_HEALTHY")
echo
echo "baseline, infra/desc run again in the same clone: $AGAIN s"
phases "$WORK/run2.log" "$T0" "$T_HEALTHY"
stop_and_verify
echo
echo "what a fresh clone adds to a re-run: $(awk -v a="$FRESH" -v b="$AGAIN" 'BEGIN { printf "%.1f s (%.1fx)", a - b, a / b }')"

# ---------------------------------------------------------------- what a new machine adds
if ((COLD)); then
    echo
    echo "what a machine with empty caches adds (temporary empty caches; nothing else changed):"
    NPM_CACHE=$(mktemp -d "$WORK/npm-cache.XXXX")
    rm -rf "$CLONE/infra/node_modules"
    t=$(now)
    (cd "$CLONE/infra" && npm_config_cache=$NPM_CACHE npm ci --no-audit --no-fund --loglevel=error >/dev/null 2>&1)
    echo "    npm ci in infra/, empty npm cache             $(secs "$t" "$(now)") s ($(du -sh "$CLONE/infra/node_modules" | cut -f1) node_modules)"
    for target in src/DescPortal.Web/DescPortal.Web.csproj DescPortal.sln; do
        NUGET_DIR=$(mktemp -d "$WORK/nuget.XXXX")
        t=$(now)
        (cd "$CLONE" && NUGET_PACKAGES=$NUGET_DIR/packages NUGET_HTTP_CACHE_PATH=$NUGET_DIR/http \
            NUGET_PLUGINS_CACHE_PATH=$NUGET_DIR/plugins dotnet restore "$target" --force --no-cache -v q >/dev/null)
        printf '    dotnet restore %-28s %s s (%s of packages, %s packages)\n' "$(basename "$target"), empty cache" \
            "$(secs "$t" "$(now)")" "$(du -sh "$NUGET_DIR/packages" | cut -f1)" "$(find "$NUGET_DIR/packages" -mindepth 1 -maxdepth 1 | wc -l)"
        rm -rf "$NUGET_DIR"
    done
fi
