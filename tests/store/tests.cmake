# Issue 8, part 4: the project store on a shared PostgreSQL/PostGIS database. ctest starts a
# throw-away server (scripts/pg-test-server.sh, 127.0.0.1:55432, cluster in the build dir)
# before these tests and stops it after; without PostgreSQL the tests skip with a message.
set(TRYGG_PG_DIR "${CMAKE_BINARY_DIR}/pg-test")
set(TRYGG_PG_SCRIPT "${PROJECT_SOURCE_DIR}/scripts/pg-test-server.sh")
add_test(NAME pg_server_start
         COMMAND ${CMAKE_COMMAND} -E env TRYGG_PG_DIR=${TRYGG_PG_DIR} bash ${TRYGG_PG_SCRIPT} start)
add_test(NAME pg_server_stop
         COMMAND ${CMAKE_COMMAND} -E env TRYGG_PG_DIR=${TRYGG_PG_DIR} bash ${TRYGG_PG_SCRIPT} stop)
set_tests_properties(pg_server_start PROPERTIES FIXTURES_SETUP pg_server)
set_tests_properties(pg_server_stop PROPERTIES FIXTURES_CLEANUP pg_server)

add_executable(test_pg_store store/test_pg_store.cpp store/test_pg_roles.cpp
    store/test_pg_concurrency.cpp store/test_db_cli.cpp store/test_pg_new_ids.cpp)
target_link_libraries(test_pg_store PRIVATE trygg_test_main GDAL::GDAL)
target_include_directories(test_pg_store PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
target_compile_definitions(test_pg_store PRIVATE
    TRYGG_PG_URL_FILE="${TRYGG_PG_DIR}/url"
    TRYGG_CLI="$<TARGET_FILE:tryggkarta-cli>")
add_dependencies(test_pg_store tryggkarta-cli)
trygg_warnings(test_pg_store)
catch_discover_tests(test_pg_store PROPERTIES
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen"
    FIXTURES_REQUIRED pg_server)
