# Shared by the scripts: the project root, PATH and the wasm toolchain that
# scripts/setup chose (target/toolchain.env).
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
export PATH="$HOME/.cargo/bin:$root/node_modules/.bin:$PATH"
# Trunk must never reach the network: no update check, tools from PATH.
export TRUNK_SKIP_VERSION_CHECK=true TRUNK_OFFLINE=true
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
# shellcheck source=/dev/null
source "$root/target/toolchain.env"

# Runs a command with the wasm toolchain's variables.
wasm() { env "${WASM_ENV[@]}" "$@"; }

# The release build every browser test and the size report use.
build_release() {
  wasm env "${WASM_RELEASE_ENV[@]}" trunk build --release --offline --locked
}
