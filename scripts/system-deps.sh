#!/bin/sh
# The Debian packages the test suite drives for real: jekyll (site builds), chromium and its
# driver (pages rendered headless), a CJK font (chart labels), git (publishing commits).
# Installs the missing ones with apt-get when run as root on Debian/Ubuntu; elsewhere stops
# before the tests with one line naming the install command.
set -eu
missing=""
command -v git >/dev/null 2>&1 || missing="$missing git"
command -v jekyll >/dev/null 2>&1 || missing="$missing jekyll"
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
command -v chromedriver >/dev/null 2>&1 || missing="$missing chromium-driver"
if ! fc-list :lang=zh family 2>/dev/null | grep -q .; then missing="$missing fonts-noto-cjk"; fi
command -v fc-list >/dev/null 2>&1 || missing="$missing fontconfig"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing Debian packages the tests use:$missing" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $missing >/dev/null
  exit 0
fi
echo "error: the tests need these system packages:$missing — install them first, e.g. sudo apt-get install -y$missing (Debian/Ubuntu), then run make test again" >&2
exit 1
