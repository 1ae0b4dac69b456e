# The app's side of the shared store (the document, the conflict dialog, recovery), against
# the PostgreSQL test server of store/tests.cmake.
add_executable(test_pg_document gui/gui_test_main.cpp store/test_shared_document.cpp)
target_link_libraries(test_pg_document PRIVATE trygg_gui Catch2::Catch2 Qt6::Test GDAL::GDAL)
target_include_directories(test_pg_document PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}
    ${PROJECT_SOURCE_DIR}/src)
target_compile_definitions(test_pg_document PRIVATE TRYGG_PG_URL_FILE="${TRYGG_PG_DIR}/url"
    TRYGG_SOURCE_LAYERS_DIR="${TRYGG_SOURCE_LAYERS_DIR}")
trygg_warnings(test_pg_document)
catch_discover_tests(test_pg_document PROPERTIES
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen"
    FIXTURES_REQUIRED pg_server)
