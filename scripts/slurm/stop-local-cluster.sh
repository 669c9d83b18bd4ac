#!/usr/bin/env bash
# Stops the cluster started by start-local-cluster.sh <state-dir>.
set -u
state=${1:?usage: stop-local-cluster.sh <state-dir>}
for pid in slurmd slurmctld munged; do
  if [ -f "$state/run/$pid.pid" ]; then kill "$(cat "$state/run/$pid.pid")" 2>/dev/null || true; fi
done
sleep 1
exit 0
