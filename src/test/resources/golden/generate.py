#!/usr/bin/env python3
"""Generates the golden filter data the Java tests compare against (scipy is the reference).

Run from this folder: python3 generate.py   (needs numpy and scipy; output is committed)
Each case: a deterministic input, scipy.signal.butter(..., output='sos') and sosfilt output.
"""
import numpy as np
from scipy import signal

CASES = [
    ("lp2_3hz_100", 2, 3.0, "lowpass", 100.0),
    ("lp4_20hz_200", 4, 20.0, "lowpass", 200.0),
    ("lp3_5hz_50", 3, 5.0, "lowpass", 50.0),
    ("hp2_0.5hz_100", 2, 0.5, "highpass", 100.0),
    ("hp1_0.3hz_400", 1, 0.3, "highpass", 400.0),
    ("hp5_1hz_100", 5, 1.0, "highpass", 100.0),
]

def main():
    rng = np.random.default_rng(20261124)
    n = 400
    for name, order, fc, btype, fs in CASES:
        t = np.arange(n) / fs
        x = np.sin(2 * np.pi * 1.7 * t) + 0.5 * np.sin(2 * np.pi * 23.0 * t) + 0.3 * rng.standard_normal(n) + 2.0
        sos = signal.butter(order, fc, btype=btype, fs=fs, output="sos")
        y = signal.sosfilt(sos, x)
        with open(f"{name}.csv", "w") as f:
            f.write(f"# scipy {signal.__name__} butter order={order} fc={fc} btype={btype} fs={fs}\n")
            for row in sos:
                f.write("# sos " + ",".join(repr(float(v)) for v in row) + "\n")
            f.write("x,y\n")
            for xi, yi in zip(x, y):
                f.write(f"{float(xi)!r},{float(yi)!r}\n")

if __name__ == "__main__":
    main()
