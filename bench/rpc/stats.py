#!/usr/bin/env python3
"""Numbers for bench/rpc/run.sh.

  stats.py latency LOG            p50 and p99 (microseconds) and count from an h2load --log-file
  stats.py table RUNS.tsv MEM.tsv the results table (medians over runs) with the ratios and targets
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from tables import fmt, median_of, read_tsv  # noqa: E402 (after the path it is found on)


def percentile(sorted_values, fraction):
    # Nearest-rank percentile: the smallest value with at least `fraction` of the samples at or below it.
    if not sorted_values:
        return float("nan")
    rank = max(1, -(-int(fraction * 1000) * len(sorted_values) // 1000))
    return sorted_values[rank - 1]


def latency(log_file):
    durations = []
    with open(log_file, encoding="ascii") as lines:
        for line in lines:
            parts = line.split("\t")
            if len(parts) >= 3 and parts[1].startswith("2"):
                durations.append(int(parts[2]))
    durations.sort()
    print(f"{percentile(durations, 0.50)} {percentile(durations, 0.99)} {len(durations)}")


NAMES = {
    "raw": "(a) raw Kestrel h2c",
    "civic": "(b) Grpc.AspNetCore as Civic sets it up",
    "defaults": "(b0) Grpc.AspNetCore, template defaults",
    "grpcjs": "(c) @grpc/grpc-js",
}


def table(runs_file, memory_file):
    runs = read_tsv(runs_file)
    memory = read_tsv(memory_file)
    out = []
    medians = {}
    for profile in dict.fromkeys(r["profile"] for r in runs):
        rows = [r for r in runs if r["profile"] == profile]
        load = rows[0]["load"]
        out.append(f"### Profile `{profile}` ({load}), medians of {len({r['run'] for r in rows})} runs\n")
        out.append("| server | requests/s | p50 ms | p99 ms | server CPU % | CPU µs per call | bytes allocated per call | gen0 GCs/s | other load on server core % | requests/s of each run |")
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
        for server in dict.fromkeys(r["server"] for r in rows):
            mine = [r for r in rows if r["server"] == server]
            rps = median_of(mine, "rps")
            p50 = median_of(mine, "p50_us") / 1000
            p99 = median_of(mine, "p99_us") / 1000
            cpu_per_call = median_of(mine, "cpu_us_per_call")
            medians[(profile, server)] = (rps, cpu_per_call)
            each = ", ".join(f"{float(r['rps']):.0f}" for r in mine)
            out.append(
                f"| {NAMES.get(server, server)} | {rps:,.0f} | {p50:.2f} | {p99:.2f} | {median_of(mine, 'server_cpu_pct'):.0f} "
                f"| {fmt(cpu_per_call, '.2f')} | {fmt(median_of(mine, 'bytes_per_call'), ',.0f')} | {fmt(median_of(mine, 'gen0_per_s'), '.1f')} "
                f"| {median_of(mine, 'other_core_pct'):.0f} | {each} |")
        out.append("")

    out.append("### Targets (throughput profile `saturate`)\n")
    out.append("| target | measured | met |")
    out.append("|---|---:|---|")
    (a_rps, a_cpu), (b_rps, b_cpu), (c_rps, c_cpu) = (
        medians.get(("saturate", s), (None, None)) for s in ("raw", "civic", "grpcjs"))
    d_rps, d_cpu = medians.get(("saturate", "defaults"), (None, None))
    if a_rps and b_rps:
        out.append(f"| (b) ≥ 0.85 × (a), requests/s | {b_rps / a_rps:.2f} × | {'yes' if b_rps >= 0.85 * a_rps else 'NO'} |")
        out.append(f"| (b) ≥ 0.85 × (a), calls per CPU-second (1 / CPU µs per call) | {a_cpu / b_cpu:.2f} × | {'yes' if a_cpu / b_cpu >= 0.85 else 'NO'} |")
    if a_rps and d_rps:
        out.append(f"| (reference) (b0) / (a), requests/s | {d_rps / a_rps:.2f} × | |")
        out.append(f"| (reference) (b) / (b0), requests/s | {b_rps / d_rps:.2f} × | |")
    if b_rps and c_rps:
        out.append(f"| (b) ≥ 3 × (c), requests/s | {b_rps / c_rps:.2f} × | {'yes' if b_rps >= 3 * c_rps else 'NO'} |")
        out.append(f"| (b) ≥ 3 × (c), calls per CPU-second | {c_cpu / b_cpu:.2f} × | {'yes' if c_cpu / b_cpu >= 3 else 'NO'} |")
    for row in memory:
        kib = int(row["vmrss_kb"])
        mb = kib * 1024 / 1e6
        out.append(f"| idle VmRSS ≤ 120 MB: {row['what']} | {mb:.1f} MB ({kib / 1024:.1f} MiB) | {'yes' if mb <= 120 else 'NO'} |")
    print("\n".join(out))


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "latency":
        latency(sys.argv[2])
    elif len(sys.argv) == 4 and sys.argv[1] == "table":
        table(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
