#!/usr/bin/env bash
# Make sure a Chromium for the browser tests exists: $CHROMIUM if set, else /usr/bin/chromium.
# As root, a missing /usr/bin/chromium is installed from Debian's packages; otherwise say how.
set -euo pipefail
browser="${CHROMIUM:-/usr/bin/chromium}"
if [ -x "$browser" ]; then
  exit 0
fi
if [ -n "${CHROMIUM:-}" ]; then
  echo "CHROMIUM=$CHROMIUM tidak dapat dijalankan. Perbaiki jalurnya atau hapus variabel itu." >&2
  exit 1
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Chromium belum ada: memasang paket Debian 'chromium'…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
cat >&2 <<'MSG'
Chromium tidak ditemukan di /usr/bin/chromium; uji peramban tidak dapat berjalan.
Pasang dengan:   sudo apt-get install chromium
atau tunjuk peramban lain:   CHROMIUM=/jalur/ke/chromium make test
MSG
exit 1
