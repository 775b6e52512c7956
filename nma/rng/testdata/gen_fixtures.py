#!/usr/bin/python3
"""Generate numpy_legacy.json, the reference values for package nma/rng.

Regenerate (from the repository root) with Debian's python3-numpy:

    /usr/bin/python3 nma/rng/testdata/gen_fixtures.py > nma/rng/testdata/numpy_legacy.json

Everything comes from NumPy's legacy generator (np.random.RandomState /
np.random.seed), whose streams are frozen since NumPy 1.17, so any NumPy
>= 1.17 on x86-64 Linux should print the same file apart from the recorded
"numpy_version". The "log" section also records CPython's math.log (the C
library's log, glibc on Linux) next to the correctly rounded value.

Layout:
  streams: one RandomState per entry, seeded with "seed" (an int) or "key"
           (a list: np.random.seed(list), MT19937 init_by_array); its "ops"
           are applied in order to that one state, so they also test that
           state (including the cached Gaussian) carries over between calls.
  long:    ~1000-draw streams from a fresh seed: the first HEAD (rand,
           randn) or HEAD_OTHER values, the
           left-to-right sum of all of them, and FNV-1a (64-bit) over the
           little-endian bytes of every value (float64 bits or int64).
  log:     "cases": [x, correctly rounded log(x)] pairs; "libm": the
           [index, math.log(x)] pairs where the C library's log differs.
"""

import decimal
import json
import math
import struct
import sys

import numpy as np

HEAD = 300  # values kept from the rand and randn long streams
HEAD_OTHER = 100  # values kept from the other long streams
SEEDS = [0, 1, 4, 42, 2020, 2**32 - 1]
KEYS = [[2020], [1, 2, 3], [0xFFFFFFFF, 0, 12345, 678]]

FNV_OFFSET = 0xCBF29CE484222325
FNV_PRIME = 0x100000001B3


def fnv1a64(data):
    h = FNV_OFFSET
    for b in data:
        h ^= b
        h = (h * FNV_PRIME) & 0xFFFFFFFFFFFFFFFF
    return "%016x" % h


def floats(a):
    return [float(v) for v in np.asarray(a, dtype=np.float64).ravel()]


def ints(a):
    return [int(v) for v in np.asarray(a).ravel()]


def run_op(rs, op):
    """Apply op (a dict without "out") to rs and return the output list."""
    name = op["op"]
    n = op.get("n")
    if name == "rand":
        return floats(rs.rand(n))
    if name == "random_sample":
        return floats(rs.random_sample(n))
    if name == "float_scalar":  # size=None path, n scalar calls
        return [float(rs.random_sample()) for _ in range(n)]
    if name == "randn":
        return floats(rs.randn(n))
    if name == "standard_normal":
        return floats(rs.standard_normal(n))
    if name == "normal_scalar":  # size=None path, n scalar calls
        return [float(rs.standard_normal()) for _ in range(n)]
    if name == "normal":
        return floats(rs.normal(op["loc"], op["scale"], n))
    if name == "uniform":
        return floats(rs.uniform(op["low"], op["high"], n))
    if name == "standard_exponential":
        return floats(rs.standard_exponential(n))
    if name == "exponential":
        return floats(rs.exponential(op["scale"], n))
    if name == "randint":
        return ints(rs.randint(op["low"], op["high"], size=n))
    if name == "uint32":  # raw 32-bit outputs
        return ints(rs.randint(0, 2**32, size=n, dtype=np.int64))
    if name == "uint64":  # raw next64 outputs
        return ints(rs.randint(0, 2**64, size=n, dtype=np.uint64))
    if name == "choice_index":
        return ints(rs.choice(op["a"], size=n))
    if name == "choice":
        return [str(v) for v in rs.choice(op["a"], size=n)]
    if name == "choice_p":
        return [str(v) for v in rs.choice(op["a"], size=n, p=op["p"])]
    if name == "choice_noreplace":
        return [str(v) for v in rs.choice(op["a"], size=n, replace=False)]
    if name == "shuffle":
        x = np.array(op["x"], dtype=np.int64)
        rs.shuffle(x)
        return ints(x)
    if name == "shuffle_list":  # untyped (Python list) path
        x = list(op["x"])
        rs.shuffle(x)
        return list(x)
    if name == "permutation":
        return ints(rs.permutation(n))
    if name == "poisson":
        return ints(rs.poisson(op["lam"], size=n))
    if name == "binomial":
        return ints(rs.binomial(op["trials"], op["p"], size=n))
    raise ValueError("unknown op " + name)


def battery():
    """The op sequence applied to every seed."""
    letters = ["a", "b", "c", "d", "e", "f", "g"]
    return [
        {"op": "uint32", "n": 5},
        {"op": "rand", "n": 5},
        {"op": "randn", "n": 3},  # odd: leaves a cached Gaussian
        {"op": "rand", "n": 2},  # does not touch the cache
        {"op": "randn", "n": 3},  # first value is the cached one
        {"op": "normal", "loc": 1.5, "scale": 2.0, "n": 5},
        {"op": "normal", "loc": -3.0, "scale": 0.0, "n": 3},
        {"op": "standard_normal", "n": 4},
        {"op": "normal_scalar", "n": 3},
        {"op": "float_scalar", "n": 2},
        {"op": "uniform", "low": -1.0, "high": 3.0, "n": 5},
        {"op": "uniform", "low": 5.0, "high": 2.0, "n": 3},
        {"op": "exponential", "scale": 2.5, "n": 5},
        {"op": "standard_exponential", "n": 3},
        {"op": "randint", "low": 0, "high": 2, "n": 10},
        {"op": "randint", "low": 0, "high": 10, "n": 10},
        {"op": "randint", "low": 0, "high": 16, "n": 10},
        {"op": "randint", "low": 0, "high": 17, "n": 10},
        {"op": "randint", "low": -5, "high": 5, "n": 10},
        {"op": "randint", "low": 7, "high": 8, "n": 3},
        {"op": "randint", "low": 0, "high": 2**31, "n": 5},
        {"op": "randint", "low": 0, "high": 2**32 - 1, "n": 5},
        {"op": "randint", "low": 0, "high": 2**32, "n": 5},
        {"op": "randint", "low": 0, "high": 2**32 + 1, "n": 5},
        {"op": "randint", "low": 0, "high": 3**30, "n": 5},
        {"op": "randint", "low": 10**12, "high": 10**12 + 7, "n": 5},
        {"op": "randint", "low": -(2**40), "high": 2**40, "n": 5},
        {"op": "randint", "low": -(2**63), "high": 2**63 - 1, "n": 5},
        {"op": "uint64", "n": 3},
        {"op": "choice_index", "a": 7, "n": 10},
        {"op": "choice", "a": letters, "n": 10},
        {"op": "choice_p", "a": letters[:4], "p": [0.1, 0.2, 0.3, 0.4], "n": 10},
        {"op": "choice_p", "a": letters[:5], "p": [0.5, 0.0, 0.25, 0.0, 0.25], "n": 10},
        {"op": "choice_noreplace", "a": letters, "n": 4},
        {"op": "shuffle", "x": list(range(10))},
        {"op": "shuffle_list", "x": list(range(5))},
        {"op": "shuffle", "x": [42]},
        {"op": "permutation", "n": 20},
        {"op": "permutation", "n": 1},
        {"op": "poisson", "lam": 0.0, "n": 3},
        {"op": "poisson", "lam": 0.5, "n": 10},
        {"op": "poisson", "lam": 3.0, "n": 10},
        {"op": "poisson", "lam": 9.99, "n": 10},
        {"op": "poisson", "lam": 10.0, "n": 10},
        {"op": "poisson", "lam": 25.0, "n": 10},
        {"op": "poisson", "lam": 1000.0, "n": 10},
        {"op": "poisson", "lam": 1e6, "n": 5},
        {"op": "binomial", "trials": 10, "p": 0.5, "n": 10},
        {"op": "binomial", "trials": 10, "p": 0.0, "n": 3},
        {"op": "binomial", "trials": 10, "p": 1.0, "n": 3},
        {"op": "binomial", "trials": 0, "p": 0.3, "n": 3},
        {"op": "binomial", "trials": 100, "p": 0.3, "n": 10},
        {"op": "binomial", "trials": 100, "p": 0.31, "n": 10},
        {"op": "binomial", "trials": 20, "p": 0.9, "n": 10},
        {"op": "binomial", "trials": 1000, "p": 0.1, "n": 10},
        {"op": "binomial", "trials": 1000, "p": 0.75, "n": 10},
        {"op": "binomial", "trials": 5000, "p": 0.5, "n": 20},
        {"op": "binomial", "trials": 10**6, "p": 0.02, "n": 10},
        {"op": "randn", "n": 1},
        {"op": "rand", "n": 1},
        {"op": "randn", "n": 2},
    ]


def streams():
    out = []
    for s in SEEDS:
        rs = np.random.RandomState(s)
        ops = []
        for op in battery():
            op = dict(op)
            op["out"] = run_op(rs, op)
            ops.append(op)
        out.append({"seed": s, "ops": ops})
    for k in KEYS:
        rs = np.random.RandomState(k)
        ops = []
        for op in [{"op": "uint32", "n": 5}, {"op": "rand", "n": 3}, {"op": "randn", "n": 3}]:
            op = dict(op)
            op["out"] = run_op(rs, op)
            ops.append(op)
        out.append({"key": k, "ops": ops})
    # The module-level functions after np.random.seed behave the same.
    np.random.seed(2020)
    ops = []
    for op in [{"op": "randn", "n": 3}]:
        op = dict(op)
        op["out"] = floats(np.random.randn(op["n"]))
        ops.append(op)
    out.append({"seed": 2020, "global": True, "ops": ops})
    return out


LONG = [
    {"op": "rand", "n": 1000},
    {"op": "randn", "n": 1001},
    {"op": "normal", "loc": 10.0, "scale": 3.0, "n": 1000},
    {"op": "exponential", "scale": 1.0, "n": 1000},
    {"op": "uniform", "low": -2.0, "high": 2.0, "n": 1000},
    {"op": "randint", "low": 0, "high": 10, "n": 1000},
    {"op": "randint", "low": 0, "high": 2**40 + 3, "n": 1000},
    {"op": "permutation", "n": 1000},
    {"op": "poisson", "lam": 4.0, "n": 1000},
    {"op": "poisson", "lam": 50.0, "n": 1000},
    {"op": "binomial", "trials": 20, "p": 0.25, "n": 1000},
    {"op": "binomial", "trials": 500, "p": 0.4, "n": 1000},
]


def long_streams():
    out = []
    for s in SEEDS:
        for op in LONG:
            rs = np.random.RandomState(s)
            vals = run_op(rs, dict(op))
            is_float = isinstance(vals[0], float)
            total = 0.0 if is_float else 0
            for v in vals:  # left to right, not pairwise or compensated
                total += v
            fmt = "<d" if is_float else "<q"
            blob = b"".join(struct.pack(fmt, v) for v in vals)
            e = dict(op)
            head = HEAD if op["op"] in ("rand", "randn") else HEAD_OTHER
            e.update({"seed": s, "head": vals[:head], "sum": total, "fnv1a64": fnv1a64(blob)})
            out.append(e)
    return out


def log_cases():
    decimal.getcontext().prec = 60
    rs = np.random.RandomState(12345)
    xs = []
    xs += floats(rs.random_sample(1000))  # like r2 in the polar method
    xs += floats(1.0 - rs.random_sample(300))  # like 1 - U in exponential
    xs += floats(np.exp(rs.uniform(-700, 700, 300)))
    xs += [1.0 + d for d in floats(rs.uniform(-1e-3, 1e-3, 100))]
    xs += [1.0 + d for d in floats(rs.uniform(-1e-12, 1e-12, 50))]
    xs += [math.ldexp(1.0, e) for e in range(-1074, 1024, 17)]
    xs += [5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 0.5, 2.0, 10.0]
    xs += [math.nextafter(1.0, 0.0), math.nextafter(1.0, 2.0), math.sqrt(2.0), math.sqrt(0.5)]
    cases, libm = [], []
    for i, x in enumerate(xs):
        cr = float(decimal.Decimal(x).ln())
        cases.append([x, cr])
        if math.log(x) != cr:
            libm.append([i, math.log(x)])
    return {"cases": cases, "libm": libm}


def main():
    def dumps(v):
        return json.dumps(v, separators=(",", ":"))

    # Plain JSON, one stream / long stream / log case per line for readable diffs.
    w = sys.stdout.write
    w('{"numpy_version":%s,"python_version":%s,\n' % (dumps(np.__version__), dumps(sys.version.split()[0])))
    w('"streams":[\n' + ",\n".join(dumps(e) for e in streams()) + "\n],\n")
    w('"long":[\n' + ",\n".join(dumps(e) for e in long_streams()) + "\n],\n")
    log = log_cases()
    w('"log":{"libm":%s,"cases":[\n' % dumps(log["libm"]))
    w(",\n".join(dumps(c) for c in log["cases"]) + "\n]}}\n")


if __name__ == "__main__":
    main()
