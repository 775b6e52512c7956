#!/usr/bin/python3
"""Generate glibc_log.json, the reference values for glibcLog in package nma/rng.

glibcLog is a port of the log() that NumPy's legacy samplers get from the C
library on x86-64 Linux: glibc's ARM optimized-routines log, in the variant
glibc selects at run time on a CPU with FMA and AVX2 (__log_fma). This script
records that function's results, calling libm's log through ctypes exactly
as NumPy's C code calls it (CPython's math.log would give the same values
but rejects x <= 0).

Regenerate (from the repository root) on x86-64 Debian 12 (glibc 2.36) with
python3-numpy, on a CPU with FMA and AVX2:

    /usr/bin/python3 nma/rng/testdata/gen_glibc_log.py > nma/rng/testdata/glibc_log.json

It refuses to run on a CPU without FMA or AVX2, or with GLIBC_TUNABLES set,
since glibc would then use its non-FMA log, which differs in the last bit for
about 1 argument in 10,000. To record those differences it runs itself a
second time with GLIBC_TUNABLES=glibc.cpu.hwcaps=-FMA (which makes glibc
pick the non-FMA variant); see the "fma_sensitive" group below.

Layout (all doubles as 16-digit hex IEEE bit patterns):
  glibc, machine, cpu_fma_avx2: where the values come from.
  groups:  named lists of [x, log(x)] pairs (edge cases, subnormals, values
           near 1 and at table boundaries, samples like the polar method's
           r2 and the exponential's 1-U, ...). In the group "misrounded",
           log(x) is not the correctly rounded value; "fusion_sensitive"
           holds arguments whose result depends on which multiply-adds are
           fused; in "fma_sensitive" a third element is glibc's non-FMA
           result, which differs.
  streams: SHA-256 over the little-endian log(x) bit patterns of N inputs
           generated from np.random.RandomState(seed) (the Go test draws the
           same inputs from rng.New(seed)), kind:
             u       random_sample()
             one_minus_u  1 - random_sample()
             r2      x1*x1 + x2*x2 with x = 2*random_sample() - 1, kept
                     when 0 < r2 < 1 (the legacy polar method)
             bits    randint(0, 2**64, dtype=uint64) with the sign bit
                     cleared, skipping Inf/NaN patterns
"""

import ctypes
import ctypes.util
import decimal
import hashlib
import json
import os
import platform
import struct
import subprocess
import sys

import numpy as np

LIBM = ctypes.CDLL(ctypes.util.find_library("m"))
LIBM.log.restype = ctypes.c_double
LIBM.log.argtypes = [ctypes.c_double]
clog = LIBM.log

STREAM_N = 1 << 20
ONE = 0x3FF0000000000000
LO = 0x3FEE000000000000  # bits of 1 - 0x1p-4: glibc's near-1 path starts here
HI = 0x3FF1090000000000  # bits of 1 + 0x1.09p-4: ... and ends before here
OFF = 0x3FE6000000000000

# Arguments in (0, 1) whose glibc log changes if the last two multiply-adds
# of the main path, y = fma(r*r2, poly, fma(r2, A0, lo)), are not both fused
# (found by running the Go port with either one unfused against libm over
# 4e8 uniform doubles: about 1 argument in 4 million is affected). Every
# other fusion in the FMA variant, except fma(z, invc, -1) and the near-1
# path's y = fma(r3, poly, lo), which the random groups already exercise,
# made no difference on those 4e8 arguments.
FUSION_SENSITIVE = [
    0x3FE17CDDD1E4C9BA, 0x3FE43F6BA2F5DB54, 0x3FE215AC1F7EE852,
    0x3FA343365A3DDE40, 0x3FD2C786A53476AA, 0x3FB996EE4C77BF40,
    0x3FE3DF68D8ABB6C7, 0x3FE0FC42A2998DF5, 0x3FEC3F24B861DE25,
    0x3FE34682528BC865,
]

# An argument whose FMA and non-FMA glibc logs differ (checked below).
PROBE_X = float.fromhex("0x1.82ef9d8fedb6dp-1")
PROBE_FMA = float.fromhex("-0x1.1ec971d970428p-2")


def bits(x):
    return struct.unpack("<Q", struct.pack("<d", x))[0]


def from_bits(b):
    return struct.unpack("<d", struct.pack("<Q", b))[0]


def hexd(x):
    return "%016x" % bits(x)


def polar_r2(rs, n):
    out = []
    while len(out) < n:
        x1 = 2.0 * rs.random_sample() - 1.0
        x2 = 2.0 * rs.random_sample() - 1.0
        r2 = x1 * x1 + x2 * x2  # CPython rounds each operation: no FMA
        if r2 < 1.0 and r2 != 0.0:
            out.append(r2)
    return out


def bit_samples(rs, n):
    out = []
    while len(out) < n:
        for v in rs.randint(0, 2**64, size=n, dtype=np.uint64):
            b = int(v) & 0x7FFFFFFFFFFFFFFF
            if b < 0x7FF0000000000000:
                out.append(from_bits(b))
                if len(out) == n:
                    break
    return out


def stream_inputs(kind, seed, n):
    rs = np.random.RandomState(seed)
    if kind == "u":
        return [float(v) for v in rs.random_sample(n)]
    if kind == "one_minus_u":
        return [1.0 - float(v) for v in rs.random_sample(n)]
    if kind == "r2":
        return polar_r2(rs, n)
    if kind == "bits":
        return bit_samples(rs, n)
    raise ValueError(kind)


STREAMS = [("u", 0), ("one_minus_u", 1), ("r2", 2), ("bits", 3)]


def around(b, k):
    return [from_bits(b + d) for d in range(-k, k + 1)]


def groups():
    """Named input lists (without results)."""
    g = {}
    g["special"] = [
        0.0, -0.0, float("inf"), float("-inf"), float("nan"), -1.0, -5e-324,
        1.0, 2.0, 0.5, 10.0, float.fromhex("0x1.5bf0a8b145769p+1"),  # e
        5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
    ]
    sub = [from_bits(1 << e) for e in range(52)]
    sub += [from_bits((1 << 52) - 1), from_bits(3), from_bits(0x000FEDCBA9876543)]
    rs = np.random.RandomState(20260101)
    sub += [from_bits(int(v)) for v in rs.randint(1, 1 << 52, size=150, dtype=np.int64)]
    g["subnormal"] = sub
    g["powers_of_two"] = [from_bits((e + 1023) << 52) for e in range(-1022, 1024, 5)]
    near = []
    near += around(ONE, 40)
    near += around(LO, 20) + around(HI, 20)
    near += [from_bits(LO + int(v)) for v in rs.randint(0, HI - LO, size=400, dtype=np.int64)]
    near += [1.0 + float(d) for d in rs.uniform(-1e-3, 1e-3, 100)]
    near += [1.0 + float(d) for d in rs.uniform(-1e-9, 1e-9, 100)]
    g["near_one"] = near
    tb = []
    for j in range(128):  # boundaries of the 128 table subintervals
        b = OFF + (j << 45)
        tb += around(b, 1)
        tb += around(b - (700 << 52), 1)  # the same z, tiny x
    g["table_boundaries"] = tb
    rs = np.random.RandomState(12345)
    g["uniform"] = [float(v) for v in rs.random_sample(1000)]
    g["one_minus_u"] = [1.0 - float(v) for v in rs.random_sample(1000)]
    g["polar_r2"] = polar_r2(rs, 1000)
    g["two_u"] = [2.0 * (1.0 - float(v)) for v in rs.random_sample(300)]
    g["wide"] = bit_samples(rs, 500)
    g["fusion_sensitive"] = [from_bits(b) for b in FUSION_SENSITIVE]
    return g


def misrounded(n):
    """Arguments among n uniform draws whose glibc log is not correctly rounded."""
    decimal.getcontext().prec = 50
    rs = np.random.RandomState(7)
    out = []
    for v in rs.random_sample(n):
        x = float(v)
        if x != 0.0 and clog(x) != float(decimal.Decimal(x).ln()):
            out.append(x)
    return out


def fma_candidates():
    rs = np.random.RandomState(8)
    xs = [float(v) for v in rs.random_sample(200000)]
    xs += [1.0 - float(v) for v in rs.random_sample(200000)]
    return xs


def child_nofma():
    """Read hex bit patterns on stdin, print this process's log of each."""
    for line in sys.stdin:
        print(hexd(clog(from_bits(int(line, 16)))))


def nofma_logs(xs):
    env = dict(os.environ, GLIBC_TUNABLES="glibc.cpu.hwcaps=-FMA")
    p = subprocess.run(
        [sys.executable, os.path.abspath(__file__), "--nofma"],
        input="".join(hexd(x) + "\n" for x in xs),
        capture_output=True, text=True, env=env, check=True,
    )
    out = [from_bits(int(s, 16)) for s in p.stdout.split()]
    assert len(out) == len(xs)
    return out


def check_environment():
    flags = set()
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("flags"):
                flags = set(line.split(":", 1)[1].split())
                break
    if "fma" not in flags or "avx2" not in flags:
        sys.exit("gen_glibc_log.py: this CPU lacks FMA or AVX2, so glibc uses its non-FMA log")
    if os.environ.get("GLIBC_TUNABLES"):
        sys.exit("gen_glibc_log.py: unset GLIBC_TUNABLES")
    if clog(PROBE_X) != PROBE_FMA:
        sys.exit("gen_glibc_log.py: libm log(%s) = %s, not the FMA variant's %s"
                 % (PROBE_X.hex(), clog(PROBE_X).hex(), PROBE_FMA.hex()))


def main():
    check_environment()
    g = groups()
    g["misrounded"] = misrounded(60000)

    cand = fma_candidates()
    nofma = nofma_logs(cand)
    sens = [(x, y) for x, y in zip(cand, nofma) if bits(clog(x)) != bits(y)]
    if not sens:
        sys.exit("gen_glibc_log.py: GLIBC_TUNABLES=glibc.cpu.hwcaps=-FMA changed nothing")

    def dumps(v):
        return json.dumps(v, separators=(",", ":"))

    w = sys.stdout.write
    w("{")
    w('"glibc":%s,"machine":%s,"cpu_fma_avx2":true,\n'
      % (dumps(os.confstr("CS_GNU_LIBC_VERSION")), dumps(platform.machine())))
    w('"streams":[\n')
    lines = []
    for kind, seed in STREAMS:
        h = hashlib.sha256()
        for x in stream_inputs(kind, seed, STREAM_N):
            h.update(struct.pack("<d", clog(x)))
        lines.append(dumps({"kind": kind, "seed": seed, "n": STREAM_N, "sha256": h.hexdigest()}))
    w(",\n".join(lines) + "\n],\n")
    w('"groups":[\n')
    lines = []
    for name, xs in g.items():
        cases = [[hexd(x), hexd(clog(x))] for x in xs]
        lines.append('{"name":%s,"cases":[\n%s]}' % (dumps(name), ",\n".join(dumps(c) for c in cases)))
    cases = [[hexd(x), hexd(clog(x)), hexd(y)] for x, y in sens]
    lines.append('{"name":"fma_sensitive","cases":[\n%s]}' % ",\n".join(dumps(c) for c in cases))
    w(",\n".join(lines) + "\n]}\n")


if __name__ == "__main__":
    if sys.argv[1:] == ["--nofma"]:
        child_nofma()
    else:
        main()
