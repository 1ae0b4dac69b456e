#!/usr/bin/env python3
"""Writes the bad-input corpus under tests/data/bad/ (issue 8): small files that are broken in
one way each, so tests/bad_input/ can check that every one gives a clear error, never a crash,
never a silent partial import, and leaves the open project unchanged.

Standard library only (CI has no Python GDAL). The output is deterministic: run it again and
`git diff tests/data/bad` stays empty. The shapefiles are written byte by byte with struct
because several cases are shapefiles no correct writer would produce.

Usage: scripts/make-bad-corpus.py [output directory]   (default: tests/data/bad)
"""

import json
import math
import sqlite3
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "tests" / "data" / "bad"

# SWEREF 99 TM as ESRI writes it in a .prj.
PRJ_3006 = (
    'PROJCS["SWEREF99_TM",GEOGCS["GCS_SWEREF99",DATUM["D_SWEREF99",'
    'SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],'
    'UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],'
    'PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],'
    'PARAMETER["Central_Meridian",15.0],PARAMETER["Scale_Factor",0.9996],'
    'PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]'
)

# Vännäs centrum in SWEREF 99 TM (DOMAIN.md's sanity point), and a few places near it.
X0, Y0 = 733107.0, 7096069.0
OBS_COLUMNS = [("kategori", 20), ("polaritet", 10), ("kalla", 20), ("beskrivn", 60)]


def obs_row(n, text="vid busshållplatsen"):
    return ["belysning", "otrygg", "trygghetsvandring", f"{text} {n}"]


# ---------------------------------------------------------------- shapefile bytes

def _bbox(points):
    finite = [(x, y) for x, y in points if math.isfinite(x) and math.isfinite(y)]
    if not finite:
        return (0.0, 0.0, 0.0, 0.0)
    xs, ys = [p[0] for p in finite], [p[1] for p in finite]
    return (min(xs), min(ys), max(xs), max(ys))


def _shp_header(shape_type, length_bytes, box):
    return (struct.pack(">7i", 9994, 0, 0, 0, 0, 0, length_bytes // 2) +
            struct.pack("<2i", 1000, shape_type) + struct.pack("<4d", *box) + struct.pack("<4d", 0, 0, 0, 0))


def _shape_content(shape):
    """Record content for ("point", (x, y)) or ("polygon", [ring, ...]) or ("null", None)."""
    kind, data = shape
    if kind == "null":
        return struct.pack("<i", 0)
    if kind == "point":
        return struct.pack("<i2d", 1, *data)
    rings = data  # polygon
    points = [p for ring in rings for p in ring]
    parts, start = [], 0
    for ring in rings:
        parts.append(start)
        start += len(ring)
    return (struct.pack("<i4d2i", 5, *_bbox(points), len(rings), len(points)) +
            struct.pack(f"<{len(parts)}i", *parts) +
            b"".join(struct.pack("<2d", *p) for p in points))


def shp_bytes(shapes):
    """The .shp and .shx of `shapes` (all of one type, nulls allowed)."""
    shape_type = 5 if any(k == "polygon" for k, _ in shapes) else 1
    points = []
    for kind, data in shapes:
        points += [data] if kind == "point" else [p for r in data for p in r] if kind == "polygon" else []
    box = _bbox(points)
    records, index, offset = b"", b"", 100
    for number, shape in enumerate(shapes, start=1):
        content = _shape_content(shape)
        records += struct.pack(">2i", number, len(content) // 2) + content
        index += struct.pack(">2i", offset // 2, len(content) // 2)
        offset += 8 + len(content)
    shp = _shp_header(shape_type, 100 + len(records), box) + records
    shx = _shp_header(shape_type, 100 + len(index), box) + index
    return shp, shx


def dbf_bytes(columns, rows, encoding):
    """A dBASE III table of text columns; LDID 0 (the file does not say its encoding)."""
    record_length = 1 + sum(width for _, width in columns)
    header_length = 32 + 32 * len(columns) + 1
    out = struct.pack("<4BIHH20x", 3, 126, 1, 1, len(rows), header_length, record_length)
    for name, width in columns:
        out += struct.pack("<11sc4xBB14x", name.encode("ascii"), b"C", width, 0)
    out += b"\x0d"
    for row in rows:
        out += b" " + b"".join(value.encode(encoding)[:width].ljust(width, b" ")
                               for value, (_, width) in zip(row, columns))
    return out + b"\x1a"


def write_shapefile(stem, shapes, rows, columns=OBS_COLUMNS, encoding="utf-8", prj=True, cpg="UTF-8"):
    shp, shx = shp_bytes(shapes)
    files = {".shp": shp, ".shx": shx, ".dbf": dbf_bytes(columns, rows, encoding)}
    if prj:
        files[".prj"] = PRJ_3006.encode("ascii")
    if cpg is not None:
        files[".cpg"] = cpg.encode("ascii")
    for extension, data in files.items():
        write(stem + extension, data)
    return files


def write(name, data):
    path = OUT / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))


def points(n):
    return [("point", (X0 + 10.0 * i, Y0 + 5.0 * i)) for i in range(n)]


# ---------------------------------------------------------------- the cases

def shapefiles():
    # Truncated parts: the same five good points, then one part cut short.
    for part, keep in ((".shp", 100 + 2 * 28 + 10), (".dbf", None), (".shx", 100 + 2 * 8 + 4)):
        stem = "truncated" + part.replace(".", "_")
        files = write_shapefile(stem, points(5), [obs_row(i) for i in range(5)])
        data = files[part]
        if part == ".dbf":  # the header promises 5 records, the file holds two and a half
            keep = 32 + 32 * len(OBS_COLUMNS) + 1 + int(2.5 * (1 + sum(w for _, w in OBS_COLUMNS)))
        write(stem + part, data[:keep])

    write_shapefile("no_prj", points(2), [obs_row(i) for i in range(2)], prj=False)
    # Latin-1 bytes where the .cpg promises UTF-8.
    write_shapefile("wrong_cpg", points(3), [obs_row(i, "mörk gångväg") for i in range(3)],
                    encoding="latin-1", cpg="UTF-8")
    # A .cpg naming a code page nobody knows.
    write_shapefile("unknown_cpg", points(2), [obs_row(i, "mörk gångväg") for i in range(2)],
                    encoding="latin-1", cpg="KLINGON-42")
    # No .cpg at all: once with Latin-1 text (old Swedish exports), once with UTF-8.
    write_shapefile("latin1_no_cpg", points(2), [obs_row(i, "mörk gångväg vid ån") for i in range(2)],
                    encoding="latin-1", cpg=None)
    write_shapefile("utf8_no_cpg", points(2), [obs_row(i, "mörk gångväg vid ån") for i in range(2)],
                    encoding="utf-8", cpg=None)
    # Row 2's x is NaN, row 3 is 1e300 metres east, row 4 has no shape at all.
    shapes = [("point", (X0, Y0)), ("point", (math.nan, Y0)), ("point", (1e300, Y0)),
              ("null", None), ("point", (X0 + 20, Y0 + 20))]
    write_shapefile("nan_huge", shapes, [obs_row(i) for i in range(5)])
    # Polygons for atgarder: a good one, a bow tie, one with no rings.
    square = [(X0, Y0), (X0, Y0 + 50), (X0 + 50, Y0 + 50), (X0 + 50, Y0), (X0, Y0)]
    bowtie = [(X0, Y0), (X0 + 50, Y0 + 50), (X0 + 50, Y0), (X0, Y0 + 50), (X0, Y0)]
    measure_columns = [("titel", 40), ("typ", 20), ("status", 12)]
    write_shapefile("polygons", [("polygon", [square]), ("polygon", [bowtie]), ("polygon", [])],
                    [["Röj buskage", "siktrojning", "forslag"], ["Fjäril", "siktrojning", "forslag"],
                     ["Tom yta", "siktrojning", "forslag"]], columns=measure_columns)


def feature(geometry, **properties):
    props = {"kategori": "belysning", "polaritet": "otrygg", "kalla": "polis", **properties}
    return json.dumps({"type": "Feature", "properties": props, "geometry": geometry}, ensure_ascii=False)


def collection(features):
    return '{"type": "FeatureCollection", "features": [\n' + ",\n".join(features) + "\n]}\n"


def geojson():
    write("not_json.geojson", '{"type": "FeatureCollection", "features": [ {"type": "Feature",\n'
                              "this is where the export program crashed\n")
    write("empty.geojson", "")
    lon, lat = 19.7545, 63.9135
    write("mixed_geometry.geojson", collection([
        feature({"type": "Point", "coordinates": [lon, lat]}),
        feature({"type": "LineString", "coordinates": [[lon, lat], [lon + 0.001, lat]]}),
        feature({"type": "Polygon", "coordinates": [[[lon, lat], [lon, lat + 0.001],
                                                      [lon + 0.001, lat + 0.001], [lon, lat]]]}),
        feature({"type": "MultiPoint", "coordinates": [[lon, lat], [lon + 0.001, lat]]}),
        feature({"type": "GeometryCollection", "geometries": []}),
    ]))
    write("far_outside.geojson", collection([
        feature({"type": "Point", "coordinates": [lon, lat]}),
        feature({"type": "Point", "coordinates": [2.3522, 48.8566]}),    # Paris
        feature({"type": "Point", "coordinates": [0.0, 0.0]}),           # "null island"
        feature({"type": "Point", "coordinates": [-73.9857, 40.7484]}),  # New York
    ]))
    # Huge coordinates pass JSON; 1e999 is what some writers make of infinity (json.dumps
    # cannot write it, so that feature is spliced in as text).
    infinite = feature({"type": "Point", "coordinates": [0, 63.9]}).replace("[0, 63.9]", "[1e999, 63.9]")
    write("huge_coordinates.geojson", collection([
        feature({"type": "Point", "coordinates": [lon, lat]}),
        feature({"type": "Point", "coordinates": [1e300, lat]}),
        infinite,
    ]))

def csv():
    header = "lat,lon,kategori,polaritet,kalla,beskrivn\n"
    write("missing_required_column.csv", "lat,lon,polaritet,kalla\n63.9135,19.7545,otrygg,polis\n")
    write("short_rows.csv", header +
          "63.9135,19.7545,belysning,otrygg,polis,hel rad\n"
          "63.9136,19.7546,belysning\n"
          "63.9137\n"
          "63.9138,19.7548,sikt,otrygg,polis,hel rad igen\n")
    # The header is split by semicolons, the rows by commas (two programs, one file).
    write("wrong_delimiter.csv", header.replace(",", ";") +
          "63.9135,19.7545,belysning,otrygg,polis,a\n63.9136,19.7546,belysning,otrygg,polis,b\n")
    # Swedish Excel: semicolons and decimal commas; this one is fine and must import.
    write("semicolon_decimal_comma.csv", header.replace(",", ";") +
          "63,9135;19,7545;belysning;otrygg;polis;mörkt\n")
    write("bom.csv", "\ufeff" + header + "63.9135,19.7545,belysning,otrygg,polis,med BOM\n")
    write("quoted_newlines.csv", header +
          '63.9135,19.7545,belysning,otrygg,polis,"första raden\nandra raden"\n'
          '63.9136,19.7546,belysning,otrygg,polis,"citat ""inom"" citat"\n'
          "63.9137,19.7547,belysning,otrygg,polis,efter\n")
    write("unterminated_quote.csv", header +
          "63.9135,19.7545,belysning,otrygg,polis,bra\n"
          '63.9136,19.7546,belysning,otrygg,polis,"aldrig stängt\n'
          "63.9137,19.7547,belysning,otrygg,polis,slukad\n")
    write("nan_coordinates.csv", header +
          "63.9135,19.7545,belysning,otrygg,polis,bra\n"
          "nan,19.7545,belysning,otrygg,polis,NaN\n"
          "63.9135,inf,belysning,otrygg,polis,oändlig\n"
          "1e308,19.7545,belysning,otrygg,polis,enorm\n")
    write("far_outside.csv", header +
          "63.9135,19.7545,belysning,otrygg,polis,Vännäs\n"
          "48.8566,2.3522,belysning,otrygg,polis,Paris\n"
          "7096069,733107,belysning,otrygg,polis,SWEREF-tal i lat/lon\n")


def geopackages():
    write("not_a_geopackage.gpkg", "Det här är ingen GeoPackage, bara text med fel filändelse.\n")
    write("truncated_header.gpkg", b"SQLite format 3\x00" + bytes(84))
    path = OUT / "sqlite_not_gpkg.gpkg"
    if path.exists():
        path.unlink()
    with sqlite3.connect(path) as db:  # a real SQLite database, but no GeoPackage tables
        db.execute("PRAGMA page_size = 1024")
        db.execute("CREATE TABLE anteckningar (id INTEGER PRIMARY KEY, text TEXT)")
        db.execute("INSERT INTO anteckningar (text) VALUES ('inte en karta')")
    db.close()


def photometry():
    ldt = (ROOT / "layers" / "photometry" / "generisk_gata.ldt").read_bytes().split(b"\n")
    write("missing_lines.ldt", b"\n".join(ldt[:30]) + b"\n")     # header only, no intensities
    write("missing_intensities.ldt", b"\n".join(ldt[:-200]) + b"\n")
    ies = (ROOT / "layers" / "photometry" / "generisk_gangvag.ies").read_bytes().split(b"\n")
    write("missing_lines.ies", b"\n".join(ies[:12]) + b"\n")     # no angle lines
    write("missing_candela.ies", b"\n".join(ies[:-6]) + b"\n")
    write("no_tilt.ies", b"\n".join(line for line in ies if not line.startswith(b"TILT")) + b"\n")


def layer_definitions():
    definition = {
        "format": "tryggkarta-layer/1", "order": 90, "table": "okand_typ",
        "title": {"sv": "Okänd typ", "en": "Unknown type"}, "geometry": "Point",
        "fields": [
            {"name": "namn", "type": "text", "label": {"sv": "Namn", "en": "Name"}},
            {"name": "farg", "type": "colour", "label": {"sv": "Färg", "en": "Colour"}},
        ],
    }
    write("unknown_field_type.json", json.dumps(definition, ensure_ascii=False, indent=2) + "\n")
    definition["fields"] = definition["fields"][:1]
    definition["geometry"] = "Hexagon"
    write("unknown_geometry.json", json.dumps(definition, ensure_ascii=False, indent=2) + "\n")
    write("layer_not_json.json", '{"format": "tryggkarta-layer/1", "fields": [\n')


def nmea_sentence(body):
    checksum = 0
    for byte in body.encode("ascii"):
        checksum ^= byte
    return f"${body}*{checksum:02X}\r\n"


def nmea():
    good = [nmea_sentence(f"GPRMC,1830{s:02d}.00,A,6354.8100,N,01945.{2700 + 6 * s:04d},E,0.8,90.0,141025,,,A")
            for s in range(3)]
    garbage = [
        "this is not NMEA at all\r\n",
        "$GPRMC,183000.50,A,6354.8100,N,01945.2700,E,0.8,90.0,141025,,,A*00\r\n",  # bad checksum
        "$GPGGA,1830\r\n",                                                          # cut off
        nmea_sentence("GPRMC,183001.20,A,9954.8100,N,01945.2700,E,0.8,90.0,141025,,,A"),  # lat 99°
        nmea_sentence("GPRMC,183001.40,V,,,,,,,141025,,,N"),                        # no fix
        "\x00\x01\x02\xff\xfe binary noise \x1b[0m\r\n",
        "$" + "9" * 300 + "\r\n",
    ]
    lines = [garbage[0], good[0], garbage[1], garbage[2], good[1], garbage[3], garbage[4],
             garbage[5], garbage[6], good[2]]
    write("garbage.nmea", "".join(lines).encode("latin-1"))
    write("only_garbage.nmea", "".join(garbage).encode("latin-1"))


def images():
    write("not_an_image.jpg", "Hej! Det här är en textfil som någon döpte om till .jpg.\n")
    write("empty.png", b"")
    write("truncated.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xdb")
    write("png_signature_only.png", b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\x0dIHDR" + bytes(6))
    write("gif_renamed.jpg", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;")


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for case in (shapefiles, geojson, csv, geopackages, photometry, layer_definitions, nmea, images):
        case()
    total = sum(p.stat().st_size for p in OUT.iterdir())
    assert total < 1_000_000, f"the corpus is {total} bytes; keep it small"
    print(f"wrote {len(list(OUT.iterdir()))} files, {total} bytes, to {OUT}")


if __name__ == "__main__":
    main()
