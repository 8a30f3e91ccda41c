#!/bin/sh
# The programs the tests drive for real, from the system's packages: LibreOffice opens the
# exported CSV as a spreadsheet would. Installed only when missing.
set -e
command -v soffice >/dev/null 2>&1 && exit 0
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends libreoffice-calc >/dev/null
