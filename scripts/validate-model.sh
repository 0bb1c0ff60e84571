#!/usr/bin/env bash
# Validates a glTF model (default: the bundled assets/cervical_region.glb) with the Khronos glTF
# Validator, pinned in tools/validator/package-lock.json. Fails on any error or warning.
#   scripts/validate-model.sh [FILE]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
model="${1:-$here/assets/cervical_region.glb}"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
if [ ! -d "$here/tools/validator/node_modules/gltf-validator" ]; then
  (cd "$here/tools/validator" && npm ci --no-audit --no-fund --silent)
fi
exec node "$here/tools/validator/validate.mjs" "$model"
