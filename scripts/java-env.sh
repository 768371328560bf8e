# Sourced by the launcher, ./test and bench/run: finds a JDK >= 25 and exports JAVA_HOME and JAVA.
# Order: $JAVA_HOME if it is >= 25, else Temurin 25 at its Debian path.
# The major version comes from the JDK's release file when it has one: starting a JVM only to ask it
# would add a few hundred milliseconds to every ./portfolioos.
_pos_java_major() {
  local v
  v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null)
  [ -n "$v" ] && { echo "$v"; return; }
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'
}
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(_pos_java_major "$JAVA_HOME")" -ge 25 ] 2>/dev/null; then
  :
elif [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
else
  echo "PortfolioOS needs a JDK 25 or newer: set JAVA_HOME to one (none found at \$JAVA_HOME or /usr/lib/jvm/temurin-25-jdk-amd64)." >&2
  exit 1
fi
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"
export JAVA
