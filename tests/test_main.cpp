#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "tryggkarta/io/gdal_setup.h"

int main(int argc, char** argv) {
    trygg::initialiseGdal();
    return Catch::Session().run(argc, argv);
}
