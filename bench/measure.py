#!/usr/bin/env python3
"""Runs commands several times and reports wall time, CPU time (user+sys) and peak RSS, from the
kernel's rusage of each child (os.wait4): no extra tools needed. CPU time is reported next to wall
time because it stays meaningful on a machine that is busy with other work.

usage: measure.py --runs N [--interleave] [--prepare NAME=COMMAND ...] --json OUT NAME=COMMAND [NAME=COMMAND ...]
Each COMMAND runs through /bin/sh with stdout and stderr sent to /dev/null. --prepare runs its
COMMAND before every run of case NAME (warm-ups included), untimed: to empty a cache, say. --interleave runs the
cases in rounds (A B C, A B C, ...) instead of all runs of A first, so that on a shared machine
every case meets the same changes in load.
"""
import argparse
import json
import os
import statistics
import subprocess
import time


def run_once(command, prepare=None):
    if prepare:
        subprocess.run(["/bin/sh", "-c", prepare], check=True, stdout=subprocess.DEVNULL)
    start = time.perf_counter()
    proc = subprocess.Popen(["/bin/sh", "-c", command], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"command failed ({os.waitstatus_to_exitcode(status)}): {command}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "maxrssKiB": usage.ru_maxrss}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--interleave", action="store_true")
    parser.add_argument("--json", required=True)
    parser.add_argument("--prepare", action="append", default=[], help="NAME=COMMAND, run untimed before each run of NAME")
    parser.add_argument("cases", nargs="+")
    args = parser.parse_args()
    results = {}
    cases = [case.split("=", 1) for case in args.cases]
    runs = {name: [] for name, _ in cases}
    prepare = dict(p.split("=", 1) for p in args.prepare)
    if args.interleave:
        for _ in range(args.warmup):
            for name, command in cases:
                run_once(command, prepare.get(name))
        for _ in range(args.runs):
            for name, command in cases:
                runs[name].append(run_once(command, prepare.get(name)))
    else:
        for name, command in cases:
            for _ in range(args.warmup):
                run_once(command, prepare.get(name))
            runs[name] = [run_once(command, prepare.get(name)) for _ in range(args.runs)]
    for name, command in cases:
        r = runs[name]
        results[name] = {
            "command": command,
            "runs": r,
            "wallMin": min(x["wall"] for x in r),
            "wallMedian": statistics.median(x["wall"] for x in r),
            "cpuMin": min(x["cpu"] for x in r),
            "cpuMedian": statistics.median(x["cpu"] for x in r),
            "maxrssKiB": max(x["maxrssKiB"] for x in r),
        }
        r = results[name]
        print(f"{name:12} wall min {r['wallMin']*1000:8.1f} ms  median {r['wallMedian']*1000:8.1f} ms   "
              f"cpu min {r['cpuMin']*1000:8.1f} ms  median {r['cpuMedian']*1000:8.1f} ms   peak RSS {r['maxrssKiB']/1024:7.1f} MiB")
    load = os.getloadavg()
    results["_machine"] = {"loadavg": load, "cpus": os.cpu_count()}
    with open(args.json, "w", encoding="utf-8") as f:
        json.dump(results, f, indent=2)
    print(f"load average during the run: {load[0]:.1f} (cpus: {os.cpu_count()})")


if __name__ == "__main__":
    main()
