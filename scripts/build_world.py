"""Build the web map's world outline (src/khabar/web/static/world.json).

Source: Natural Earth 1:110m land (public domain), as TopoJSON in the npm package
``world-atlas`` 2.0.2 (ISC licence). Fetch it with ``npm pack world-atlas@2.0.2``,
unpack, and run::

    python scripts/build_world.py package/land-110m.json

The output is one SVG path (``d``) in an equirectangular projection of
360 × 180 units: x = longitude + 180, y = 90 − latitude, rounded to 0.1°.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "khabar" / "web" / "static" / "world.json"


def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    """TopoJSON arcs (delta-encoded, quantized) as lists of (lon, lat)."""
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def ring(indices: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    pts: list[tuple[float, float]] = []
    for i in indices:
        a = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        pts.extend(a if not pts else a[1:])
    return pts


def main(path: str) -> None:
    topo = json.loads(Path(path).read_text(encoding="utf-8"))
    arcs = decode_arcs(topo)
    parts = []
    for obj in topo["objects"].values():
        geoms = obj["geometries"] if obj["type"] == "GeometryCollection" else [obj]
        for g in geoms:
            polys = g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]] if g["type"] == "Polygon" else []
            for poly in polys:
                for r in poly:
                    pts = ring(r, arcs)
                    xy = []
                    for lon, lat in pts:
                        p = (round(lon + 180, 1), round(90 - lat, 1))
                        if not xy or xy[-1] != p:
                            xy.append(p)
                    if len(xy) < 3:
                        continue
                    # A ring that crosses the antimeridian jumps across the map: cut it
                    # there into open runs instead of drawing the jump.
                    runs, cur = [], [xy[0]]
                    for a, b in zip(xy, xy[1:]):
                        if abs(b[0] - a[0]) > 180:
                            runs.append(cur)
                            cur = []
                        cur.append(b)
                    runs.append(cur)
                    closed = len(runs) == 1
                    for run in runs:
                        if len(run) >= 2:
                            parts.append("M" + "L".join(f"{x:g},{y:g}" for x, y in run) + ("Z" if closed else ""))
    OUT.write_text(json.dumps({"source": "Natural Earth 1:110m land (public domain) via world-atlas 2.0.2 (ISC)", "width": 360, "height": 180, "d": "".join(parts)}), encoding="utf-8")
    print(f"{OUT}: {len(parts)} rings, {OUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    main(sys.argv[1])
