#!/usr/bin/env bash
# Assembles the base of every Ledgerline image as a directory tree, without Docker and without any registry:
#   /opt/java       a JRE made by jlink from the JDK that runs the build (its jmods: Debian's openjdk-17-jmods, or any
#                   JDK distribution that ships them)
#   /lib*, /usr/lib* the shared libraries that JRE links against (glibc, zlib, libstdc++, ...), copied from the build
#                   machine, which built and so matches the JRE; provenance (their Debian packages) in
#                   /etc/ledgerline-runtime.txt
#   /etc/passwd, /etc/group with the non-root user ledgerline (65532:65532), /tmp (1777), /home/ledgerline
# Jib then builds each image FROM scratch with this tree as one layer (identical in every image, so registries store it
# once), the OpenTelemetry javaagent as another, and the service on top. Linux only; the image has the build machine's
# architecture.
#
#   deploy/images/assemble-runtime.sh OUT_DIR        (idempotent: reuses OUT_DIR when the JDK has not changed)
set -euo pipefail

out="${1:?usage: assemble-runtime.sh OUT_DIR}"
java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
jlink="$java_home/bin/jlink"
stamp="$out/.assembled"
key="$("$java_home/bin/java" -XshowSettings:properties -version 2>&1 | grep -E 'java.vm.version|java.home' | tr -d ' ')|$(sha1sum "$0" | cut -c1-12)"

if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$key" ]; then
  echo "image runtime: up to date in $out"
  exit 0
fi
[ "$(uname -s)" = Linux ] || { echo "image runtime: needs a Linux build machine (its JRE and libraries go into the image)" >&2; exit 1; }
[ -x "$jlink" ] || { echo "image runtime: no jlink in $java_home" >&2; exit 1; }
[ -d "$java_home/jmods" ] || {
  echo "image runtime: $java_home has no jmods/ to link a JRE from (Debian: apt-get install openjdk-17-jmods)" >&2; exit 1; }

rm -rf "$out"
root="$out/rootfs"
# /proc and /dev are mount points for the container runtime.
mkdir -p "$root/opt" "$root/etc" "$root/tmp" "$root/home/ledgerline" "$root/proc" "$root/dev"

# A JRE with what Spring Boot, Kafka clients (SASL, TLS), Debezium (JMX), PostgreSQL's driver and the javaagent need.
modules=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.management.rmi
modules+=,java.naming,java.net.http,java.prefs,java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql
modules+=,java.transaction.xa,java.xml,java.xml.crypto,jdk.charsets,jdk.crypto.cryptoki,jdk.crypto.ec,jdk.jfr
modules+=,jdk.localedata,jdk.management,jdk.management.agent,jdk.naming.dns,jdk.net,jdk.security.auth
modules+=,jdk.security.jgss,jdk.unsupported,jdk.zipfs
"$jlink" --add-modules "$modules" --include-locales=en,de,fr,es,it,nl,pt --strip-debug --no-man-pages \
  --no-header-files --compress=2 --output "$root/opt/java"
# Libraries for a display or sound card: a server has neither, and they would drag in X11.
rm -f "$root"/opt/java/lib/{libawt_xawt,libjawt,libsplashscreen,libjsound}.so

# The shared libraries of every binary and library of the JRE, and the dynamic loader, as the build machine has them.
libs="$(mktemp)"
find "$root/opt/java" -type f \( -name '*.so' -o -perm -u+x \) -print0 |
  xargs -0 -r ldd 2>/dev/null |
  awk '/=> \// {print $3} /^[ \t]*\/[^ ]+ \(0x/ {print $1}' | sort -u > "$libs"
while read -r lib; do
  case "$lib" in "$root"/*) continue ;; esac
  mkdir -p "$root$(dirname "$lib")"
  cp -L "$lib" "$root$lib"
  # the name the binaries ask for may be a link (libz.so.1 -> libz.so.1.2.13): the copy carries the asked-for name
done < "$libs"

{
  echo "Ledgerline image runtime, assembled $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(uname -m)"
  echo "JRE: jlink of $("$java_home/bin/java" -version 2>&1 | head -2 | tr '\n' ' ')"
  echo "modules: $modules"
  echo "libraries (from the build machine):"
  while read -r lib; do
    case "$lib" in "$root"/*) continue ;; esac
    pkg="$( (dpkg -S "$lib" 2>/dev/null || dpkg -S "/usr$lib" 2>/dev/null) | head -1 | cut -d: -f1 || true)"
    ver="$( [ -n "$pkg" ] && dpkg-query -W -f='${Version}' "$pkg" 2>/dev/null || true)"
    echo "  $lib ${pkg:+($pkg $ver)}"
  done < "$libs"
} > "$root/etc/ledgerline-runtime.txt"
rm -f "$libs"

cat > "$root/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/sbin/nologin
ledgerline:x:65532:65532:Ledgerline:/home/ledgerline:/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin
PASSWD
cat > "$root/etc/group" <<'GROUP'
root:x:0:
ledgerline:x:65532:
nogroup:x:65534:
GROUP
cat > "$root/etc/nsswitch.conf" <<'NSS'
passwd: files
group: files
hosts: files dns
NSS

# Jib copies no links: make sure the tree has none.
if find "$root" -type l | grep -q .; then
  find "$root" -type l -print0 | while IFS= read -r -d '' link; do cp --remove-destination -L "$link" "$link.tmp" && mv "$link.tmp" "$link"; done
fi
echo "$key" > "$stamp"
echo "image runtime: $(du -sh "$root" | cut -f1) in $root (JRE $(du -sh "$root/opt/java" | cut -f1))"
