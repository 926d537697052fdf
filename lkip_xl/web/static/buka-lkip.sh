#!/bin/sh
# Membuka lkip-xl dari disk di chromium, google-chrome atau microsoft-edge.
# --allow-file-access-from-files: halaman dari disk boleh memuat Python-nya (pyodide) dari foldernya sendiri;
# --user-data-dir: profil peramban tersendiri di folder sementara, agar izin itu tidak berlaku untuk peramban sehari-hari.
here=$(cd "$(dirname "$0")" && pwd)
page="$here/lkip-xl/index.html"
[ -f "$page" ] || page="$here/index.html"
profile="${TMPDIR:-/tmp}/lkip-xl-peramban"
# The page as a file URL: characters a URL reads otherwise (%, space, #, ?) percent-encoded.
url="file://$(printf '%s' "$page" | sed -e 's/%/%25/g' -e 's/ /%20/g' -e 's/#/%23/g' -e 's/?/%3F/g')"
for browser in chromium chromium-browser google-chrome google-chrome-stable microsoft-edge microsoft-edge-stable; do
  if command -v "$browser" >/dev/null 2>&1; then
    exec "$browser" --allow-file-access-from-files --user-data-dir="$profile" --no-first-run \
      --no-default-browser-check "$@" "$url"
  fi
done
echo "Chromium, Google Chrome atau Microsoft Edge tidak ditemukan; pasang salah satunya." >&2
exit 1
