# shellcheck shell=bash disable=SC2034
# (SC2034: the variables below are used by the scripts that source this.)
# Shared by provision, llama-server and serve (sourced, not executed).
# Kept free of side effects: it only defines variables and functions.

# Cache layout (everything provision creates lives here):
#   prefix/          dpkg -x of Debian sid's llama.cpp-tools + its runtime libs
#                    (own glibc and loader) + python3-gguf
#   prefix/.complete package=version list, written once the prefix works
#   model/tiny.gguf  the generated random-weight model
#   stamp            what was provisioned (recipe hash, sha256, versions)
LLAMA_HOME=${INFERBENCH_LLAMA_HOME:-${HOME:?HOME is not set}/.cache/inferbench/llama}
LLAMA_PREFIX=$LLAMA_HOME/prefix
LLAMA_MODEL=$LLAMA_HOME/model/tiny.gguf
LLAMA_STAMP=$LLAMA_HOME/stamp
LLAMA_SCRIPTS=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)

llama_die() {
  printf '%s: error: %s\n' "${0##*/}" "$*" >&2
  exit 1
}

# Locate the private build's library folder and dynamic loader.  Globbed
# rather than hard-coded so the multiarch triplet (x86_64-linux-gnu,
# aarch64-linux-gnu, ...) and loader name come from the packages themselves.
# Sets LLAMA_LIB and LLAMA_LOADER; returns 1 if the prefix is incomplete.
llama_private_paths() {
  LLAMA_LIB='' LLAMA_LOADER=''
  local f
  for f in "$LLAMA_PREFIX"/usr/lib/*/libllama.so.0; do
    [ -e "$f" ] && LLAMA_LIB=${f%/*}
  done
  [ -n "$LLAMA_LIB" ] || return 1
  for f in "$LLAMA_LIB"/ld-linux*.so.*; do
    [ -e "$f" ] && LLAMA_LOADER=$f
  done
  [ -n "$LLAMA_LOADER" ] && [ -x "$LLAMA_PREFIX/usr/bin/llama-server" ]
}

# Decide which llama-server to run.  INFERBENCH_LLAMA_SERVER:
#   unset/auto  a llama-server on PATH if there is one, else the private build
#   private     always the private build
#   /some/path  exactly that binary
# Sets LLAMA_SERVER_KIND (system|private) and, for system, LLAMA_SERVER_BIN.
llama_resolve_server() {
  LLAMA_SERVER_KIND=private LLAMA_SERVER_BIN=''
  local want=${INFERBENCH_LLAMA_SERVER:-auto} c
  case $want in
    private) return 0 ;;
    auto)
      # Skip our own wrapper (it carries this marker) in case scripts/llama
      # is on PATH, which would otherwise make it exec itself forever.
      while IFS= read -r c; do
        if ! grep -qs 'inferbench-llama-server-wrapper' "$c"; then
          LLAMA_SERVER_KIND=system LLAMA_SERVER_BIN=$c
          return 0
        fi
      done < <(type -ap llama-server)
      return 0 ;;
    *)
      [ -x "$want" ] || llama_die "INFERBENCH_LLAMA_SERVER=$want is not an executable"
      LLAMA_SERVER_KIND=system LLAMA_SERVER_BIN=$want ;;
  esac
}

llama_sha256() {
  if command -v sha256sum >/dev/null 2>&1; then
    sha256sum "$1" | cut -d' ' -f1
  else
    shasum -a 256 "$1" | cut -d' ' -f1 # macOS
  fi
}
