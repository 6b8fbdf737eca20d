#!/usr/bin/env bash
# Writes the forged and valid Zhengding callbacks of this folder with OpenSSL and coreutils only, independently of
# the connector's code (contracts/zhengding.md). Run it from this folder: bash make-callbacks.sh
#
# Test app: token zd-test-token, EncodingAESKey P/HCxae2Uyj2nVxSiVnPq2KUSmYG3o8Og8Yytv+4ZLI, app key zd-test-app.
# Every timestamp is relative to T0 = 1795335000000 (2026-11-22T16:10:00+08:00): the tests run the callback route
# with a clock fixed at T0. The 16 "random" leading bytes are fixed ASCII strings, so the output is reproducible.
set -euo pipefail
TOKEN=zd-test-token
AES=P/HCxae2Uyj2nVxSiVnPq2KUSmYG3o8Og8Yytv+4ZLI
OTHER_AES=3Ox5XmZ2KuaZyuWWnTfvWU7xPs7+v+KG6KAmy0o6z48
APP=zd-test-app
T0=1795335000000

# enc MSG APPKEY RANDOM16 AESKEY -> Base64 of AES-256-CBC(key, iv = first 16 key bytes, no cipher padding) over
#   RANDOM16 ‖ length of MSG as 4 bytes big-endian ‖ MSG ‖ APPKEY ‖ PKCS#7 padding to a multiple of 32 bytes
enc() {
  local msg=$1 appkey=$2 rnd=$3 aes=$4 key_hex iv_hex len total pad
  key_hex=$(printf '%s=' "$aes" | base64 -d | xxd -p -c 64)
  iv_hex=${key_hex:0:32}
  len=$(printf '%s' "$msg" | wc -c)
  total=$(( 16 + 4 + len + $(printf '%s' "$appkey" | wc -c) ))
  pad=$(( 32 - total % 32 ))
  { printf '%s' "$rnd"; printf '%08x' "$len" | xxd -r -p; printf '%s' "$msg"; printf '%s' "$appkey"
    for _ in $(seq "$pad"); do printf "\\x$(printf '%02x' "$pad")"; done; } \
    | openssl enc -aes-256-cbc -nopad -K "$key_hex" -iv "$iv_hex" | base64 -w0
}
# sig TIMESTAMP NONCE ENCRYPT -> lowercase hex SHA-1 of token, timestamp, nonce and encrypt sorted (byte order) and joined
sig() { printf '%s\n' "$TOKEN" "$1" "$2" "$3" | LC_ALL=C sort | tr -d '\n' | sha1sum | cut -d' ' -f1; }
# write FILE STATUS DESCRIPTION QUERY BODY
write() {
  printf '{\n  "description": "%s",\n  "status": %s,\n  "query": "%s",\n  "body": "%s"\n}\n' \
    "$3" "$2" "$4" "$(printf '%s' "$5" | sed 's/\\/\\\\/g; s/"/\\"/g')" > "$1"
}
body() { printf '{"encrypt":"%s"}' "$1"; }

CHECK='{"EventType":"check_url"}'
SIGN='{"EventType":"case_action","eventId":"ev-8c1f","caseId":"HUB-20261122-000017","action":"SIGN","userId":"zhangwei01","deptCode":"330105-SJ-001","time":1795335000000,"note":"收到，马上到"}'
OTHER='{"EventType":"user_add_org","UserId":["zhangwei01"],"TimeStamp":"1795335000000"}'
NO_CASE='{"EventType":"case_action","eventId":"ev-9d2a","action":"SIGN","userId":"zhangwei01","deptCode":"330105-SJ-001","time":1795335000000}'

E=$(enc "$CHECK" "$APP" 0123456789abcdef "$AES")
write valid-check-url.json 200 "check_url, valid at T0" "signature=$(sig $T0 nonce123 "$E")&timestamp=$T0&nonce=nonce123" "$(body "$E")"
S=$(sig $T0 nonce123 "$E")
BAD=${S:0:39}$( [ "${S:39:1}" = 0 ] && echo 1 || echo 0 )
write bad-signature.json 401 "check_url at T0 with the last hex digit of the signature changed" "signature=$BAD&timestamp=$T0&nonce=nonce123" "$(body "$E")"
write stale-timestamp.json 401 "check_url signed correctly, timestamp T0 - 5 min 1 s" "signature=$(sig $((T0 - 301000)) nonce123 "$E")&timestamp=$((T0 - 301000))&nonce=nonce123" "$(body "$E")"
write future-timestamp.json 401 "check_url signed correctly, timestamp T0 + 5 min 1 s" "signature=$(sig $((T0 + 301000)) nonce123 "$E")&timestamp=$((T0 + 301000))&nonce=nonce123" "$(body "$E")"
write missing-signature.json 401 "check_url at T0 without the signature parameter" "timestamp=$T0&nonce=nonce123" "$(body "$E")"
TR=${E:0:64}
write truncated.json 400 "the check_url ciphertext cut to 64 Base64 characters (48 bytes), signed correctly" "signature=$(sig $T0 nonce123 "$TR")&timestamp=$T0&nonce=nonce123" "$(body "$TR")"
W=$(enc "$CHECK" other-app 0123456789abcdef "$AES")
write wrong-appkey.json 401 "check_url encrypted with the right key for app key other-app, signed correctly" "signature=$(sig $T0 nonce123 "$W")&timestamp=$T0&nonce=nonce123" "$(body "$W")"
K=$(enc "$CHECK" "$APP" 0123456789abcdef "$OTHER_AES")
write wrong-aes-key.json 400 "check_url encrypted with another EncodingAESKey, signed correctly" "signature=$(sig $T0 nonce123 "$K")&timestamp=$T0&nonce=nonce123" "$(body "$K")"
write not-json.json 400 "a form body instead of JSON, at T0" "signature=$S&timestamp=$T0&nonce=nonce123" "encrypt=$E"
C=$(enc "$SIGN" "$APP" RRRRRRRRRRRRRRRR "$AES")
write valid-case-action-sign.json 200 "case_action SIGN of HUB-20261122-000017 by 330105-SJ-001, valid at T0" "signature=$(sig $T0 Nx9 "$C")&timestamp=$T0&nonce=Nx9" "$(body "$C")"
O=$(enc "$OTHER" "$APP" OOOOOOOOOOOOOOOO "$AES")
write other-event-type.json 200 "user_add_org (not processed, recorded), valid at T0" "signature=$(sig $T0 n0 "$O")&timestamp=$T0&nonce=n0" "$(body "$O")"
N=$(enc "$NO_CASE" "$APP" NNNNNNNNNNNNNNNN "$AES")
write malformed-case-action.json 400 "case_action without caseId, valid crypto at T0" "signature=$(sig $T0 n1 "$N")&timestamp=$T0&nonce=n1" "$(body "$N")"
