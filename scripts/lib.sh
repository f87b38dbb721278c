# Shared by the scripts: the project root, PATH and the wasm toolchain that
# scripts/setup chose (target/toolchain.env).
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
export PATH="$HOME/.cargo/bin:$root/node_modules/.bin:$PATH"
# Trunk must never reach the network: no update check, tools from PATH.
export TRUNK_SKIP_VERSION_CHECK=true TRUNK_OFFLINE=true
# Nor rustup: a missing pinned toolchain (rust-toolchain.toml) fails at once
# instead of starting a download; scripts/setup says what to install.
export RUSTUP_AUTO_INSTALL=0
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
if [ ! -f "$root/target/toolchain.env" ]; then
  echo "target/toolchain.env not found: run scripts/setup first." >&2
  exit 1
fi
# shellcheck source=/dev/null
source "$root/target/toolchain.env"

# Runs a command with the wasm toolchain's variables.
wasm() { env "${WASM_ENV[@]}" "$@"; }

# The release version: the workspace's (Cargo.toml, [workspace.package]).
workspace_version() {
  awk '/^\[workspace\.package\]/ {s=1; next} /^\[/ {s=0} s && /^version *=/ {gsub(/"/, "", $3); print $3; exit}' "$root/Cargo.toml"
}
