#!/bin/sh
# The programs the tests drive for real, from the system's packages: LibreOffice Calc opens the
# exported CSV and XLSX as a spreadsheet would; LibreOffice Writer, with a Chinese font, makes the
# multi-column PDF pages the PDF reader is tested on, and pdftoppm (poppler-utils) turns one into the
# picture of a scanned page. Chromium runs the review page in the browser tests (driven by
# Playwright, which is given this browser rather than downloading its own). Installed only when missing.
set -e
PACKAGES="libreoffice-calc libreoffice-writer fonts-wqy-zenhei poppler-utils chromium"
missing=""
for package in $PACKAGES; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing="$missing $package"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
