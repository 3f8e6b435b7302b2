"""Reading the benchmark scripts' TSV files and summarising them (shared by bench/*/ report scripts)."""
import statistics


def read_tsv(path):
    with open(path, encoding="utf-8") as rows:
        header = rows.readline().rstrip("\n").split("\t")
        return [dict(zip(header, row.rstrip("\n").split("\t"))) for row in rows if row.strip()]


def median_of(rows, key):
    """Median of one column over rows, skipping '-' (not measured); None when nothing was measured."""
    values = [float(r[key]) for r in rows if r.get(key, "-") not in ("-", "")]
    return statistics.median(values) if values else None


def fmt(value, pattern):
    return "–" if value is None else format(value, pattern)
