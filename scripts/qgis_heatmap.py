#!/usr/bin/python3
"""Runs QGIS's qgis:heatmapkerneldensityestimation headless, for comparing Tryggkarta's heat map.

usage: qgis_heatmap.py POINTS.csv RADIUS PIXEL KERNEL(0-4) OUTPUT(0 raw, 1 scaled) OUT.tif [EPSG]
POINTS.csv has lines "x,y[,weight]"; kernel numbers are QGIS's (0 quartic, 1 triangular,
2 uniform, 3 triweight, 4 Epanechnikov).
"""
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.append("/usr/share/qgis/python/plugins")
from qgis.core import (QgsApplication, QgsFeature, QgsField, QgsGeometry, QgsPointXY,
                       QgsVectorLayer)
from qgis.PyQt.QtCore import QVariant


def main(argv):
    csv, radius, pixel, kernel, output, tif = argv[1:7]
    epsg = argv[7] if len(argv) > 7 else "3006"
    app = QgsApplication([], False)
    app.initQgis()
    from processing.core.Processing import Processing
    Processing.initialize()
    import processing
    layer = QgsVectorLayer(f"Point?crs=EPSG:{epsg}", "points", "memory")
    layer.dataProvider().addAttributes([QgsField("weight", QVariant.Double)])
    layer.updateFields()
    features = []
    weighted = False
    with open(csv) as lines:
        for line in lines:
            parts = [float(v) for v in line.split(",")]
            weighted = weighted or len(parts) > 2
            feature = QgsFeature(layer.fields())
            feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(parts[0], parts[1])))
            feature.setAttribute("weight", parts[2] if len(parts) > 2 else 1.0)
            features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    processing.run("qgis:heatmapkerneldensityestimation", {
        "INPUT": layer, "RADIUS": float(radius), "PIXEL_SIZE": float(pixel),
        "KERNEL": int(kernel), "OUTPUT_VALUE": int(output), "DECAY": 0,
        "WEIGHT_FIELD": "weight" if weighted else None, "OUTPUT": tif})
    app.exitQgis()


if __name__ == "__main__":
    main(sys.argv)
