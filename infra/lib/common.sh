# shellcheck shell=bash
# Shared helpers for infra/desc: messages, processes, ports, installs.
# Sourced by infra/desc, which sets REPO, INFRA and `set -euo pipefail`.

say()  { printf '[desc] %s\n' "$*" >&2; }
warn() { printf '[desc] warning: %s\n' "$*" >&2; }
die()  { printf '[desc] error: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------- processes

# True while process $1 exists and is not a zombie (a zombie child is dead,
# even though `kill -0` still succeeds on it until it is reaped).
alive() {
    local pid=$1 stat
    [[ $pid =~ ^[0-9]+$ ]] || return 1
    stat=$(cat "/proc/$pid/stat" 2>/dev/null) || return 1
    stat=${stat##*) }
    [[ ${stat:0:1} != Z ]]
}

# The command line of process $1, arguments separated by spaces.
cmdline() { tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null || true; }

# Pid stored in file $1 (empty if missing or garbage).
read_pid() {
    local pid=""
    [[ -f $1 ]] && pid=$(head -n1 "$1" 2>/dev/null || true)
    if [[ $pid =~ ^[0-9]+$ ]]; then echo "$pid"; fi
}

# Stop process $1 (named $2 in messages): SIGTERM, up to $3 seconds (default 10)
# for it to exit, then SIGKILL. Reaps it when it is our child.
stop_pid() {
    local pid=$1 name=$2 timeout=${3:-10} i
    alive "$pid" || { wait "$pid" 2>/dev/null || true; return 0; }
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < timeout * 10; i++)); do
        alive "$pid" || break
        sleep 0.1
    done
    if alive "$pid"; then
        warn "$name (pid $pid) did not stop in ${timeout}s; killing it"
        kill -KILL "$pid" 2>/dev/null || true
        sleep 0.2
    fi
    wait "$pid" 2>/dev/null || true
}

# ---------------------------------------------------------------- ports

# True if something accepts TCP connections on 127.0.0.1:$1 (a listener on
# 0.0.0.0 counts too: it would make our bind to 127.0.0.1 fail).
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# "pid N (command)" of the listener on port $1, when ss can tell.
port_holder() {
    local pid
    command -v ss >/dev/null || return 0
    pid=$(ss -Hltnp "sport = :$1" 2>/dev/null | grep -o 'pid=[0-9]*' | head -n1 | cut -d= -f2 || true)
    [[ -n $pid ]] || return 0
    printf 'pid %s: %s' "$pid" "$(cmdline "$pid" | cut -c1-100 | sed 's/ *$//')"
}

# Exit with a clear message if port $1 is taken; $2 is the variable that sets it.
require_free_port() {
    local port=$1 var=$2 holder
    port_busy "$port" || return 0
    holder=$(port_holder "$port")
    [[ -n $var ]] || die "port $port was taken by another process meanwhile${holder:+ ($holder)}; try again"
    die "port $port is already in use${holder:+ by $holder}; stop that process or choose another port, e.g. $var=$((port + 1)) infra/desc ${COMMAND:-}"
}

# Print $1 free TCP ports on 127.0.0.1, one a line. The kernel picks them
# (bind to port 0, all sockets held open at once so they differ).
free_ports() {
    local n=$1 py
    py=$(command -v /usr/bin/python3 || command -v python3 || true)
    if [[ -n $py ]]; then
        "$py" - "$n" <<'PY'
import socket, sys
socks = []
for _ in range(int(sys.argv[1])):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    socks.append(s)
for s in socks:
    print(s.getsockname()[1])
PY
        return
    fi
    # No python: random high ports that nothing answers on.
    local found=() p
    while ((${#found[@]} < n)); do
        p=$((20000 + RANDOM % 40000))
        port_busy "$p" || [[ " ${found[*]} " == *" $p "* ]] || found+=("$p")
    done
    printf '%s\n' "${found[@]}"
}

# ---------------------------------------------------------------- installs

# Debian packages the project needs at run or test time. apt installs them
# without their Recommends (hundreds of desktop packages: mesa, udev, printer
# set-up, ghostscript, compilers), so what the portal used to get only through
# a Recommends is named here:
#   fonts-noto-mono   "Noto Sans Mono" of the report's hashes (report.css) and of
#                     the pages' MRZ and hashes (app.css); it came by chance via
#                     libvips -> ImageMagick -> ghostscript -> fonts-droid-fallback.
# Nothing else that Recommends brought is used: Chromium prints with its own
# GL/Vulkan (--disable-gpu) and the Noto fonts the templates name, PostgreSQL
# needs neither sysstat nor logrotate, npm needs git only for git dependencies
# (the lock files have none), and nodejs itself depends on ca-certificates.
APT_PACKAGES=(postgresql chromium fonts-noto-core fonts-noto-cjk fonts-noto-mono libvips-tools time)

pkg_installed() {
    [[ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null || true)" == installed ]]
}

# Install missing Debian packages. A prepared machine never touches apt.
ensure_apt_packages() {
    local missing=() p i
    for p in "${APT_PACKAGES[@]}"; do
        pkg_installed "$p" || missing+=("$p")
    done
    # Tools the script itself uses; normally already there.
    command -v curl >/dev/null || missing+=(curl)
    command -v node >/dev/null || missing+=(nodejs)
    command -v npm >/dev/null || missing+=(npm)
    ((${#missing[@]})) || return 0

    ((EUID == 0)) || die "missing Debian packages (${missing[*]}); run as root or install them first"
    say "installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    # Another apt may be running (e.g. a provisioning step): wait for its lock
    # instead of failing, and retry update, whose list lock may not honour the timeout.
    for i in 1 2 3; do
        apt-get -o DPkg::Lock::Timeout=600 -q update && break
        ((i < 3)) || die "apt-get update failed"
        sleep 10
    done
    apt-get -o DPkg::Lock::Timeout=600 -q install -y --no-install-recommends "${missing[@]}"
}

# PostgreSQL refuses to run as root: it runs as the system user postgres.
ensure_postgres_user() {
    id -u postgres >/dev/null 2>&1 && return 0
    ((EUID == 0)) || die "user postgres is missing; run as root"
    useradd --system postgres
}

# `npm ci` in directory $1 (named $3 in messages) from its package-lock.json, unless
# node_modules carries a stamp with the lock file's hash and has file $2 already.
npm_ci_once() {
    local dir=$1 wanted=$2 what=$3 lock="$1/package-lock.json" stamp="$1/node_modules/.desc-lock.sha256" want
    want=$(sha256sum "$lock" | cut -d' ' -f1)
    if [[ -f $wanted && -f $stamp && "$(cat "$stamp")" == "$want" ]]; then
        return 0
    fi
    say "installing $what (npm ci in ${dir#"$REPO"/})"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error 9>&-) ||
        die "npm ci failed in ${dir#"$REPO"/}"
    [[ -f $wanted ]] || die "npm ci did not install $wanted"
    echo "$want" >"$stamp"
}

# Azurite from infra/package-lock.json.
ensure_node_modules() { npm_ci_once "$INFRA" "$AZURITE_MAIN" Azurite; }

# The tools the tests run (redocly lints the OpenAPI document) from tests/tools/package-lock.json.
ensure_test_tools() {
    npm_ci_once "$REPO/tests/tools" "$REPO/tests/tools/node_modules/@redocly/cli/bin/cli.js" "the test tools (redocly)"
}

ensure_dotnet() {
    command -v dotnet >/dev/null || die "dotnet (.NET SDK 10) is not installed"
}

# Everything run/up/test need on the machine.
ensure_installed() {
    ensure_apt_packages
    ensure_postgres_user
    ensure_node_modules
}
