#!/usr/bin/env python3
"""Numbers for bench/rpc/run.sh.

  stats.py latency LOG            p50 and p99 (microseconds) and count from an h2load --log-file
  stats.py table RUNS.tsv MEM.tsv the results table (medians over runs) with the ratios and targets
"""
import statistics
import sys


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
    "civic": "(b) Civic.Rpc",
    "grpcjs": "(c) @grpc/grpc-js",
}


def read_tsv(path):
    with open(path, encoding="utf-8") as rows:
        header = rows.readline().rstrip("\n").split("\t")
        return [dict(zip(header, row.rstrip("\n").split("\t"))) for row in rows if row.strip()]


def table(runs_file, memory_file):
    runs = read_tsv(runs_file)
    memory = read_tsv(memory_file)
    out = []
    medians = {}
    for profile in dict.fromkeys(r["profile"] for r in runs):
        rows = [r for r in runs if r["profile"] == profile]
        load = rows[0]["load"]
        out.append(f"### Profile `{profile}` ({load}), median of {len({r['run'] for r in rows})} runs\n")
        out.append("| server | requests/s | p50 ms | p99 ms | server CPU % | other load on server core % | requests/s of each run |")
        out.append("|---|---:|---:|---:|---:|---:|---|")
        for server in dict.fromkeys(r["server"] for r in rows):
            mine = [r for r in rows if r["server"] == server]
            rps = statistics.median(float(r["rps"]) for r in mine)
            p50 = statistics.median(float(r["p50_us"]) for r in mine) / 1000
            p99 = statistics.median(float(r["p99_us"]) for r in mine) / 1000
            cpu = statistics.median(float(r["server_cpu_pct"]) for r in mine)
            other = statistics.median(float(r["other_core_pct"]) for r in mine)
            each = ", ".join(f"{float(r['rps']):.0f}" for r in mine)
            medians[(profile, server)] = rps
            out.append(f"| {NAMES.get(server, server)} | {rps:,.0f} | {p50:.2f} | {p99:.2f} | {cpu:.0f} | {other:.0f} | {each} |")
        out.append("")

    out.append("### Targets\n")
    out.append("| target | measured | met |")
    out.append("|---|---:|---|")
    for profile in dict.fromkeys(r["profile"] for r in runs):
        a, b, c = (medians.get((profile, s)) for s in ("raw", "civic", "grpcjs"))
        if a and b:
            out.append(f"| `{profile}`: (b) ≥ 0.9 × (a) | {b / a:.2f} × | {'yes' if b >= 0.9 * a else 'NO'} |")
        if b and c:
            out.append(f"| `{profile}`: (b) ≥ 3 × (c) | {b / c:.2f} × | {'yes' if b >= 3 * c else 'NO'} |")
    for row in memory:
        mib = int(row["vmrss_kb"]) / 1024
        out.append(f"| idle VmRSS ≤ 120 MB: {row['what']} | {mib:.1f} MiB | {'yes' if mib <= 120 * 1000 * 1000 / 1024 / 1024 else 'NO'} |")
    print("\n".join(out))


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "latency":
        latency(sys.argv[2])
    elif len(sys.argv) == 4 and sys.argv[1] == "table":
        table(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
