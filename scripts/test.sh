#!/usr/bin/env bash
# The whole test suite, on a fresh machine too: installs what the tests need when missing
# (Debian's Chromium for the browser tests, a Chinese font for readable screenshots, face
# photos from Debian packages, the dotnet-ef local tool, the Node cross-check's npm package), builds, checks the SQL Server
# migration script, runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || missing+=(fonts-wqy-microhei)
{ command -v node && command -v npm; } >/dev/null 2>&1 || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Real faces for the face-detector tests, public-domain images from Debian packages:
# astronaut.png and chelsea.png (a cat) from python3-skimage, grace_hopper_512x512.jpg from facedetect.
fixtures=.test-fixtures
if [ ! -f "$fixtures/astronaut.png" ] || [ ! -f "$fixtures/chelsea.png" ] || [ ! -f "$fixtures/grace_hopper_512x512.jpg" ]; then
  echo "Fetching test fixtures into $fixtures/"
  debs="$(mktemp -d)"
  trap 'rm -rf "$debs"' EXIT
  if ! (cd "$debs" && apt-get download python3-skimage facedetect); then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    (cd "$debs" && apt-get download python3-skimage facedetect)
  fi
  for deb in "$debs"/*.deb; do dpkg -x "$deb" "$debs/root"; done
  mkdir -p "$fixtures"
  cp "$debs/root/usr/lib/python3/dist-packages/skimage/data/astronaut.png" \
     "$debs/root/usr/lib/python3/dist-packages/skimage/data/chelsea.png" \
     "$debs/root/usr/share/doc/facedetect/examples/grace_hopper_512x512.jpg" "$fixtures/"
  rm -rf "$debs"
  trap - EXIT
fi

# The WeChat Pay cross-check runs an independent implementation on Node (npm wechatpay-axios-plugin, pinned by the lock file).
npm ci --prefix PhotoCollect.Tests/Node --no-audit --no-fund

dotnet tool restore
dotnet build PhotoCollect.sln -nologo -v quiet

# SQL Server has no engine here; its idempotent script must still generate (fails the run if not).
mkdir -p artifacts
dotnet ef migrations script --idempotent --no-build \
  --project PhotoCollect.Core --startup-project PhotoCollect.Core \
  --context PhotoCollectDbContext --output artifacts/sqlserver-idempotent.sql
echo "SQL Server idempotent script: artifacts/sqlserver-idempotent.sql ($(wc -l < artifacts/sqlserver-idempotent.sql) lines)"

dotnet test PhotoCollect.sln --no-build -nologo --logger "console;verbosity=normal" "$@"
