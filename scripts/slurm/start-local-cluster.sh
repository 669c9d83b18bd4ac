#!/usr/bin/env bash
# Starts a real one-node Slurm cluster on loopback (Debian slurm-wlm + munge) for the scale-out tests.
# Usage: scripts/slurm/start-local-cluster.sh <state-dir>     (prints the SLURM_CONF path on success)
# Needs root (munged and slurmd run as root here). Stop it with stop-local-cluster.sh <state-dir>.
set -euo pipefail
state=${1:?usage: start-local-cluster.sh <state-dir>}
mkdir -p "$state"/{spool,ctld,log,munge,run}
state=$(cd "$state" && pwd)
host=$(hostname -s)
cpus=$(nproc)
memory=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 - 1024 ))

# munge: a key of our own, socket in the state folder.
if [ ! -f "$state/munge/munge.key" ]; then
  dd if=/dev/urandom bs=1 count=1024 of="$state/munge/munge.key" status=none
  chmod 400 "$state/munge/munge.key"
fi
chmod 700 "$state/munge"
munged --force --key-file="$state/munge/munge.key" --socket="$state/run/munge.socket" \
  --pid-file="$state/run/munged.pid" --log-file="$state/log/munged.log" --seed-file="$state/munge/seed"

cat > "$state/slurm.conf" <<CONF
ClusterName=tace-local
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$state/run/munge.socket
CredType=cred/munge
SlurmctldPort=16817
SlurmdPort=16818
StateSaveLocation=$state/ctld
SlurmdSpoolDir=$state/spool
SlurmctldPidFile=$state/run/slurmctld.pid
SlurmdPidFile=$state/run/slurmd.pid
SlurmctldLogFile=$state/log/slurmctld.log
SlurmdLogFile=$state/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
ReturnToService=2
MpiDefault=none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MaxArraySize=1001
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=local Nodes=$host Default=YES MaxTime=INFINITE State=UP OverSubscribe=NO
CONF
export SLURM_CONF="$state/slurm.conf"
slurmctld -f "$SLURM_CONF"
slurmd -f "$SLURM_CONF"
for _ in $(seq 1 60); do
  if sinfo -h -o '%T' 2>/dev/null | grep -qE '^(idle|mixed|allocated)'; then
    echo "$SLURM_CONF"
    exit 0
  fi
  sleep 1
done
echo "slurm did not come up; logs in $state/log" >&2
exit 1
