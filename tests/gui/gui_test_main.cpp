#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "tryggkarta/io/gdal_setup.h"

#include <QApplication>

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("TryggkartaTest"));
    trygg::initialiseGdal();
    return Catch::Session().run(argc, argv);
}
