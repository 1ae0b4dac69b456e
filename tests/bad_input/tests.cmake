# Issue 8, the bad-input corpus: every file of tests/data/bad/ (written by
# scripts/make-bad-corpus.py) through the entry point the app and the CLI use. Included by
# tests/CMakeLists.txt. NMEA goes through checkNmeaLog, Qt's reader and gpsFix as GpsTracker
# does; their two files are compiled in (as the fuzz target does) so the test need not link
# the whole GUI.
add_executable(test_bad_input
    ${CMAKE_CURRENT_LIST_DIR}/bad_input_main.cpp
    ${CMAKE_CURRENT_LIST_DIR}/test_bad_input.cpp
    ${CMAKE_CURRENT_LIST_DIR}/test_bad_files.cpp
    ${CMAKE_CURRENT_LIST_DIR}/test_bad_input_cli.cpp
    ${PROJECT_SOURCE_DIR}/src/gui/gps_fix.cpp
    ${PROJECT_SOURCE_DIR}/src/gui/nmea_log.cpp)
target_link_libraries(test_bad_input PRIVATE trygg_io trygg_analysis Catch2::Catch2 GDAL::GDAL
    Qt6::Core Qt6::Positioning Qt6::Test)
target_include_directories(test_bad_input PRIVATE ${CMAKE_CURRENT_SOURCE_DIR} ${PROJECT_SOURCE_DIR}/src)
target_compile_definitions(test_bad_input PRIVATE
    TRYGG_SOURCE_LAYERS_DIR="${TRYGG_SOURCE_LAYERS_DIR}"
    TRYGG_TEST_DATA_DIR="${CMAKE_CURRENT_SOURCE_DIR}/data"
    TRYGG_CLI="$<TARGET_FILE:tryggkarta-cli>")
add_dependencies(test_bad_input tryggkarta-cli)
trygg_warnings(test_bad_input)
catch_discover_tests(test_bad_input PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen")

# The committed corpus is what the script writes: regenerated into the build tree and compared.
find_package(Python3 COMPONENTS Interpreter)
if(Python3_FOUND)
    add_test(NAME bad_corpus_is_generated
        COMMAND sh -c "rm -rf \"$1\" && \"$2\" \"$3\" \"$1\" >/dev/null && diff -r \"$1\" \"$4\""
            sh ${CMAKE_CURRENT_BINARY_DIR}/bad_corpus ${Python3_EXECUTABLE}
            ${PROJECT_SOURCE_DIR}/scripts/make-bad-corpus.py ${CMAKE_CURRENT_SOURCE_DIR}/data/bad)
endif()
