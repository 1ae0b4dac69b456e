#!/usr/bin/python3
"""Runs QGIS's qgis:heatmapkerneldensityestimation headless, for comparing Tryggkarta's heat map.

usage: qgis_heatmap.py POINTS.csv RADIUS PIXEL KERNEL(0-4) OUTPUT(0 raw, 1 scaled) OUT.tif [EPSG]
       qgis_heatmap.py --jobs JOBS.txt
POINTS.csv has lines "x,y[,weight]" (an empty weight is NULL); kernel numbers are QGIS's
(0 quartic, 1 triangular, 2 uniform, 3 triweight, 4 Epanechnikov). A jobs file has one job per
line, its arguments as above separated by blanks: QGIS starts once for all of them (starting
takes seconds). For each job the script prints "seconds S cpu C OUT.tif": the time the
algorithm took and the processor time it used, writing the GeoTIFF included, reading the
points into memory not.
Run it with Debian's /usr/bin/python3: that is the Python the qgis module is installed for.
"""
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.append("/usr/share/qgis/python/plugins")
from qgis.core import (QgsApplication, QgsFeature, QgsField, QgsGeometry, QgsPointXY,
                       QgsVectorLayer)
from qgis.PyQt.QtCore import QVariant


def read_layer(csv, epsg):
    """The points as a memory layer (in file order), and whether they carry weights."""
    layer = QgsVectorLayer(f"Point?crs=EPSG:{epsg}", "points", "memory")
    layer.dataProvider().addAttributes([QgsField("weight", QVariant.Double)])
    layer.updateFields()
    features = []
    weighted = False
    with open(csv) as lines:
        for line in lines:
            parts = line.strip().split(",")
            if len(parts) < 2:
                continue
            weighted = weighted or len(parts) > 2
            feature = QgsFeature(layer.fields())
            feature.setGeometry(
                QgsGeometry.fromPointXY(QgsPointXY(float(parts[0]), float(parts[1]))))
            if len(parts) > 2 and parts[2] != "":
                feature.setAttribute("weight", float(parts[2]))
            elif len(parts) == 2:
                feature.setAttribute("weight", 1.0)
            features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    return layer, weighted


def run_job(processing, layers, args):
    csv, radius, pixel, kernel, output, tif = args[:6]
    epsg = args[6] if len(args) > 6 else "3006"
    if (csv, epsg) not in layers:
        layers[(csv, epsg)] = read_layer(csv, epsg)
    layer, weighted = layers[(csv, epsg)]
    start, cpu = time.perf_counter(), time.process_time()
    processing.run("qgis:heatmapkerneldensityestimation", {
        "INPUT": layer, "RADIUS": float(radius), "PIXEL_SIZE": float(pixel),
        "KERNEL": int(kernel), "OUTPUT_VALUE": int(output), "DECAY": 0,
        "WEIGHT_FIELD": "weight" if weighted else None, "OUTPUT": tif})
    print(f"seconds {time.perf_counter() - start:.3f} cpu {time.process_time() - cpu:.3f} {tif}",
          flush=True)


def main(argv):
    if len(argv) == 3 and argv[1] == "--jobs":
        with open(argv[2]) as lines:
            jobs = [line.split() for line in lines if line.strip()]
    elif len(argv) >= 7:
        jobs = [argv[1:]]
    else:
        sys.exit(__doc__)
    app = QgsApplication([], False)
    app.initQgis()
    from processing.core.Processing import Processing
    Processing.initialize()
    import processing
    layers = {}
    for job in jobs:
        run_job(processing, layers, job)
    app.exitQgis()


if __name__ == "__main__":
    main(sys.argv)
