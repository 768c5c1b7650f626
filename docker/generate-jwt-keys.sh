#!/usr/bin/env bash
# Generates the RSA key pair that signs and verifies access tokens (PKCS#8 PEM, as smallrye-jwt reads it)
# into docker/secrets/ (for docker/compose.yaml) or the folder given as the first argument. Keep the private
# key secret; every instance needs both files, and replacing them logs every user out.
set -euo pipefail
dir="${1:-$(dirname "$0")/secrets}"
mkdir -p "$dir"
if [ -e "$dir/jwt-private.pem" ]; then
  echo "$dir/jwt-private.pem exists; remove it first to make a new pair" >&2
  exit 1
fi
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$dir/jwt-private.pem"
openssl pkey -in "$dir/jwt-private.pem" -pubout -out "$dir/jwt-public.pem"
# compose mounts secret files with their host permissions; the containers run as a non-root user
chmod 644 "$dir/jwt-public.pem" "$dir/jwt-private.pem"
echo "wrote $dir/jwt-private.pem and $dir/jwt-public.pem"
