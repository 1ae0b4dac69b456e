// The bad-input tests run GDAL and, for NMEA logs, Qt's event loop.
#define CATCH_CONFIG_RUNNER
#include "tryggkarta/io/gdal_setup.h"

#include <QCoreApplication>
#include <catch2/catch.hpp>

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    trygg::initialiseGdal();
    return Catch::Session().run(argc, argv);
}
