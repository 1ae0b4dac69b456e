#!/usr/bin/env bash
# Renders the synthetic 1,000,000-observation project with QGIS (Debian's qgis and
# python3-qgis, 3.22) at 1920x1080: full extent and a 1:2000 view at Vännäs centrum, the
# same views bench_render measures for Tryggkarta. Prints QGIS's median times in ms.
#
#   scripts/bench-render-vs-qgis.sh [PROJECT.gpkg]   (default: the bench_io fixture)
#
# QGIS draws each layer with its default single symbol, Tryggkarta with the rule-based
# symbology of layers/*.json; both draw every layer of the project that has features.
set -euo pipefail
project=${1:-${TRYGG_BENCH_DATA:-/tmp/tryggkarta-bench}/vannas-1000000-seed2026.gpkg}
runs=${RUNS:-7}
[[ -f "$project" ]] || { echo "bench-render-vs-qgis: no $project (run bench/bench_io first)" >&2; exit 1; }
/usr/bin/python3 -c 'import qgis.core' 2>/dev/null ||
    { echo "bench-render-vs-qgis: install qgis and python3-qgis (apt-get)" >&2; exit 1; }
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
# Debian's own Python: the QGIS bindings are built for it, not for any other python3 on PATH.
/usr/bin/python3 - "$project" "$runs" <<'PY'
import os, statistics, sys, time
from qgis.core import (Qgis, QgsApplication, QgsCoordinateReferenceSystem, QgsMapRendererParallelJob,
                       QgsMapSettings, QgsRectangle, QgsVectorLayer)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor

path, runs = sys.argv[1], int(sys.argv[2])
app = QgsApplication([], False)
app.initQgis()
layers = []
for name in ["observationer", "belysning", "atgarder", "vandringar"]:
    layer = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
    if layer.isValid() and layer.featureCount() > 0:
        layers.append(layer)
settings = QgsMapSettings()
settings.setLayers(layers)  # first is drawn on top, as in Tryggkarta's panel
settings.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:3006"))
settings.setOutputSize(QSize(1920, 1080))
settings.setOutputDpi(96)
settings.setBackgroundColor(QColor(255, 255, 255))

def median_ms(extent):
    settings.setExtent(extent)
    times = []
    for i in range(runs + 1):  # the first run warms caches and is not counted
        job = QgsMapRendererParallelJob(settings)
        start = time.perf_counter()
        job.start()
        job.waitForFinished()
        if i > 0:
            times.append((time.perf_counter() - start) * 1000.0)
    return statistics.median(times)

full = QgsRectangle(layers[0].extent())
for layer in layers[1:]:
    full.combineExtentWith(layer.extent())
metres_per_pixel = 2000 * 0.0254 / 96
w, h = 1920 * metres_per_pixel / 2, 1080 * metres_per_pixel / 2
street = QgsRectangle(733107 - w, 7096069 - h, 733107 + w, 7096069 + h)
print(f"QGIS {Qgis.version()} full extent: {median_ms(full):.1f} ms (median of {runs})")
print(f"QGIS 1:2000 at E 733107 N 7096069: {median_ms(street):.1f} ms (median of {runs})")
# QGIS 3.22's exitQgis() crashes while layers are alive; the figures are out, so leave at once.
sys.stdout.flush()
os._exit(0)
PY
