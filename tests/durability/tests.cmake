# Issue 8, saves that cannot corrupt: the save failures (disk full, read-only, removed,
# locked) and the kill test with its child process. Included by tests/CMakeLists.txt.

add_library(trygg_kill_state STATIC ${CMAKE_CURRENT_LIST_DIR}/kill_state.cpp)
target_link_libraries(trygg_kill_state PUBLIC trygg_synth trygg_io)
target_include_directories(trygg_kill_state PUBLIC ${CMAKE_CURRENT_LIST_DIR} ${CMAKE_CURRENT_SOURCE_DIR})
target_compile_definitions(trygg_kill_state PUBLIC TRYGG_SOURCE_LAYERS_DIR="${TRYGG_SOURCE_LAYERS_DIR}")
trygg_warnings(trygg_kill_state)

add_executable(kill_save_child ${CMAKE_CURRENT_LIST_DIR}/kill_save_child.cpp)
target_link_libraries(kill_save_child PRIVATE trygg_kill_state trygg_document)
trygg_warnings(kill_save_child)

trygg_test(test_durability
    ${CMAKE_CURRENT_LIST_DIR}/test_kill.cpp
    ${CMAKE_CURRENT_LIST_DIR}/test_journal.cpp)
target_link_libraries(test_durability PRIVATE trygg_kill_state trygg_document Qt6::Test)
target_compile_definitions(test_durability PRIVATE
    TRYGG_KILL_CHILD="$<TARGET_FILE:kill_save_child>"
    TRYGG_DURABILITY_CACHE="${CMAKE_CURRENT_BINARY_DIR}/durability")
add_dependencies(test_durability kill_save_child)

add_executable(lock_holder ${CMAKE_CURRENT_LIST_DIR}/lock_holder.cpp)
target_link_libraries(lock_holder PRIVATE SQLite::SQLite3)
trygg_warnings(lock_holder)

# The app's message is compiled in rather than the whole GUI library linked.
trygg_test(test_save_failures ${CMAKE_CURRENT_LIST_DIR}/test_save_failures.cpp
    ${PROJECT_SOURCE_DIR}/src/gui/save_failure_prompt.cpp)
target_include_directories(test_save_failures PRIVATE ${CMAKE_CURRENT_LIST_DIR} ${PROJECT_SOURCE_DIR}/src/gui)
target_link_libraries(test_save_failures PRIVATE trygg_document Qt6::Widgets Qt6::Test Qt6::Concurrent)
target_compile_definitions(test_save_failures PRIVATE TRYGG_LOCK_HOLDER="$<TARGET_FILE:lock_holder>")
add_dependencies(test_save_failures lock_holder)
