#!/usr/bin/env bash
# Make sure the web servers whose README configurations the tests run exist (Debian's nginx with its
# brotli_static module, Apache 2.4). As root, missing ones are installed from Debian's packages
# (nothing is started: the tests run their own instances on loopback); otherwise say how.
set -euo pipefail
missing=()
[ -x /usr/sbin/nginx ] || missing+=(nginx)
[ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || missing+=(libnginx-mod-http-brotli-static)
[ -x /usr/sbin/apache2 ] || missing+=(apache2)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Server web untuk uji konfigurasi belum ada: memasang paket Debian ${missing[*]}…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  exit 0
fi
cat >&2 <<MSG
Paket Debian berikut belum terpasang; uji konfigurasi server (README, "Deployment") tidak dapat berjalan:
  ${missing[*]}
Pasang dengan:   sudo apt-get install ${missing[*]}
MSG
exit 1
