# Sourced by scripts/up and scripts/test: a virtual environment with the project, Java 17+
# and Maven for the local Neo4j. Installs what is missing (apt-get when run as root on
# Debian/Ubuntu); otherwise says exactly what to install.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

PYTHON="${PYTHON:-python3}"
"$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null \
  || die "Python 3.11+ is needed (found: $("$PYTHON" --version 2>&1)). Set PYTHON=/path/to/python3.11"

apt_install() {
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing $* with apt-get"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else
    die "please install: $* (for example: sudo apt-get install $*), or use docker compose up"
  fi
}

java_major() { "$1" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1; }
have_java=""
for j in ${JAVA_HOME:+"$JAVA_HOME/bin/java"} "$(command -v java || true)" /usr/lib/jvm/*/bin/java; do
  [ -x "$j" ] || continue
  case "$(java_major "$j")" in 17|21) have_java="$j"; break ;; esac
done
[ -n "$have_java" ] || apt_install openjdk-17-jre-headless
command -v mvn >/dev/null || apt_install maven

# Reinstall only when pyproject.toml changed since the last install.
stamp=".venv/.installed-$(sha1sum pyproject.toml | cut -c1-12)"
if [ ! -f "$stamp" ]; then
  say "installing vivim-graph and its dependencies into .venv"
  [ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
  # uv (PyPI, Astral) installs the same requirements, the same versions, bytecode compiled as
  # pip does, in ~6 s where pip took ~19 s on the two-core machine; pip if uv cannot be had.
  if ! { .venv/bin/python -m pip install -q uv \
      && .venv/bin/uv pip install -q --compile-bytecode --python .venv/bin/python -e ".[test]"; }; then
    .venv/bin/python -m pip install -q --upgrade pip
    .venv/bin/python -m pip install -q -e ".[test]"
  fi
  rm -f .venv/.installed-* && touch "$stamp"
fi
export PATH="$ROOT/.venv/bin:$PATH"
