# Sourced by the bench scripts (with $out set): nginx of bench/nginx.conf in $out/nginx.
#   start_nginx [prefix...]   start it, e.g. start_nginx taskset -c 1 (no prefix: not pinned); wait until it answers
#   stop_nginx                stop it (for a trap on EXIT)
start_nginx() {
  mkdir -p "$out/nginx/tmp"
  cp nginx.conf "$out/nginx/nginx.conf"
  "$@" nginx -p "$out/nginx" -c nginx.conf &
  nginx_pid=$!
  for _ in $(seq 50); do curl -s -o /dev/null http://127.0.0.1:18090/ && break; sleep 0.1; done
}

stop_nginx() {
  kill "$nginx_pid" 2>/dev/null
  wait "$nginx_pid" 2>/dev/null || true
}
