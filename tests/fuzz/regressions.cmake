# Issue 8, fuzzing: regression tests for what the fuzz targets found, built by the normal (GCC)
# build. The fuzz targets themselves are a separate clang project (tests/fuzz/CMakeLists.txt,
# scripts/fuzz.sh). Included by tests/CMakeLists.txt.

# The CLI's argument parsers and the GPS fix are compiled in, as the fuzz targets do, rather
# than linking the CLI's sources or the whole GUI library.
trygg_test(test_fuzz_regressions
    ${CMAKE_CURRENT_LIST_DIR}/test_fuzz_regressions.cpp
    ${PROJECT_SOURCE_DIR}/src/cli/cli_arguments.cpp
    ${PROJECT_SOURCE_DIR}/src/gui/gps_fix.cpp)
target_include_directories(test_fuzz_regressions PRIVATE ${PROJECT_SOURCE_DIR}/src
    ${CMAKE_CURRENT_LIST_DIR}/..)
target_link_libraries(test_fuzz_regressions PRIVATE trygg_analysis CLI11::CLI11 Qt6::Positioning)
target_compile_definitions(test_fuzz_regressions PRIVATE
    TRYGG_FUZZ_CORPUS_DIR="${CMAKE_CURRENT_LIST_DIR}/corpus")
