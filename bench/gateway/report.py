#!/usr/bin/env python3
"""The results table of bench/gateway/run.sh: report.py RUNS.tsv MEMORY.tsv (medians over runs, ratios, targets)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from tables import fmt, median_of, read_tsv  # noqa: E402 (after the path it is found on)

NAMES = {
    "direct": "direct to the service",
    "nginx": "through nginx (grpc_pass)",
    "gateway": "through the gateway (as shipped)",
    "gateway-servergc": "through the gateway, ASP.NET default GC (reference)",
    "gateway-variant": "through the gateway, variant (VARIANT_ENV / VARIANT_BIN)",
}


def main(runs_file, memory_file):
    runs = read_tsv(runs_file)
    out = []
    medians = {}
    for profile in dict.fromkeys(r["profile"] for r in runs):
        rows = [r for r in runs if r["profile"] == profile]
        out.append(f"### Profile `{profile}` ({rows[0]['load']}), medians of {len({r['run'] for r in rows})} rounds\n")
        out.append("| path | calls/s | p50 ms | p99 ms | proxy CPU µs per call | service CPU µs per call | calls/s of each run |")
        out.append("|---|---:|---:|---:|---:|---:|---|")
        for path in dict.fromkeys(r["path"] for r in rows):
            mine = [r for r in rows if r["path"] == path]
            rps = median_of(mine, "rps")
            proxy_cpu = median_of(mine, "proxy_cpu_us_per_call")
            medians[(profile, path)] = (rps, proxy_cpu, median_of(mine, "p50_us"))
            each = ", ".join(f"{float(r['rps']):.0f}" for r in mine)
            out.append(
                f"| {NAMES.get(path, path)} | {rps:,.0f} | {median_of(mine, 'p50_us') / 1000:.2f} | {median_of(mine, 'p99_us') / 1000:.2f} "
                f"| {fmt(proxy_cpu, '.1f')} | {fmt(median_of(mine, 'service_cpu_us_per_call'), '.1f')} | {each} |")
        out.append("")

    out.append("### Targets (profile `saturate`)\n")
    out.append("| target | measured | met |")
    out.append("|---|---:|---|")
    direct, nginx, gateway = (medians.get(("saturate", p), (None, None, None)) for p in ("direct", "nginx", "gateway"))
    if gateway[0] and nginx[0]:
        ratio = gateway[0] / nginx[0]
        out.append(f"| gateway ≥ 1.5 × nginx, calls/s | {ratio:.2f} × | {'yes' if ratio >= 1.5 else 'NO'} |")
    if gateway[0] and direct[0]:
        ratio = gateway[0] / direct[0]
        out.append(f"| gateway ≥ 0.25 × direct, calls/s | {ratio:.2f} × | {'yes' if ratio >= 0.25 else 'NO'} |")
    if gateway[1] and nginx[1]:
        out.append(f"| (for comparison) proxy CPU per call, gateway / nginx | {gateway[1] / nginx[1]:.2f} × | |")
    reference = medians.get(("saturate", "gateway-servergc"))
    if reference and gateway[0]:
        out.append(f"| (for comparison) gateway as shipped / with the default GC, calls/s | {gateway[0] / reference[0]:.2f} × | |")
    variant = medians.get(("saturate", "gateway-variant"))
    if variant and gateway[0] and nginx[0]:
        out.append(f"| (for comparison) variant / as shipped, calls/s; variant / nginx | {variant[0] / gateway[0]:.2f} × ; {variant[0] / nginx[0]:.2f} × | |")
    light = {p: medians.get(("light", p)) for p in ("direct", "nginx", "gateway")}
    if all(light.values()):
        out.append(f"| (for comparison) latency added per call at one call at a time (p50): nginx / gateway "
                   f"| {(light['nginx'][2] - light['direct'][2]) / 1000:.3f} ms / {(light['gateway'][2] - light['direct'][2]) / 1000:.3f} ms | |")
    out.append("")

    out.append("### Resident memory (VmRSS; nginx: master and workers)\n")
    out.append("| proxy | idle (5 s after start) | after the load |")
    out.append("|---|---:|---:|")
    memory = read_tsv(memory_file)
    for what in dict.fromkeys(m["what"] for m in memory):
        cells = {m["when"]: int(m["vmrss_kb"]) * 1024 / 1e6 for m in memory if m["what"] == what}
        out.append(f"| {NAMES.get(what, what)} | {fmt(cells.get('idle'), '.1f')} MB | {fmt(cells.get('after load'), '.1f')} MB |")
    print("\n".join(out))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
