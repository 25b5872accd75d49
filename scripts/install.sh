#!/usr/bin/env bash
# Installs jointops under PREFIX: the binary, its shell completion scripts and its man page.
# The completions and the page are generated from the built binary's own parser (ArgumentParser's
# --generate-completion-script, and scripts/manpage.py from --experimental-dump-help), so they cannot drift
# from `jointops --help`.
#   scripts/install.sh PREFIX [BINARY]      (BINARY defaults to .build/debug/jointops; `make install` builds it)
set -euo pipefail
cd "$(dirname "$0")/.."

prefix="${1:?usage: scripts/install.sh PREFIX [BINARY]}"
binary="${2:-.build/debug/jointops}"
if [ ! -x "$binary" ]; then
    echo "install.sh: $binary is not built: run \`swift build\` (or \`make install\`) first" >&2
    exit 2
fi

install -d "$prefix/bin" "$prefix/share/man/man1" "$prefix/share/bash-completion/completions" \
    "$prefix/share/zsh/site-functions" "$prefix/share/fish/vendor_completions.d"
install -m 0755 "$binary" "$prefix/bin/jointops"
"$prefix/bin/jointops" --generate-completion-script bash > "$prefix/share/bash-completion/completions/jointops"
"$prefix/bin/jointops" --generate-completion-script zsh > "$prefix/share/zsh/site-functions/_jointops"
"$prefix/bin/jointops" --generate-completion-script fish > "$prefix/share/fish/vendor_completions.d/jointops.fish"
"$prefix/bin/jointops" --experimental-dump-help | python3 scripts/manpage.py > "$prefix/share/man/man1/jointops.1"
echo "installed jointops under $prefix (bin/jointops, man page jointops.1, bash, zsh and fish completions)"
