// The kill test of issue 8: a child process (kill_save_child) takes a project one round on
// (a batch of edits, the recovery copy, a save) and is killed with SIGKILL at a random moment.
// Every time, the project must open and hold exactly the old or the new state, and a recovery
// copy the child reported written must hold the new one. The normal run kills 10 times per
// kind of save on a small project; TRYGG_LONG_TESTS=1 kills 200 times on 100,000 observations
// (scripts/kill-test.sh); TRYGG_KILL_ROUNDS / TRYGG_KILL_OBSERVATIONS / TRYGG_KILL_SEED
// override the figures.

#include "kill_state.h"
#include "test_support.h"
#include "tryggkarta/document/recovery.h"
#include "tryggkarta/io/project_store.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <random>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace trygg;

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

std::size_t envNumber(const char* name, std::size_t fallback) {
    const char* value = std::getenv(name);
    return value != nullptr && *value != '\0' ? std::stoul(value) : fallback;
}

bool longRun() {
    return envNumber("TRYGG_LONG_TESTS", 0) != 0;
}

/// What a child printed before it ended or was killed.
struct ChildRun {
    std::vector<std::string> lines;
    bool killed = false;
    int exitCode = -1;
    double seconds = 0; ///< from "opened" to the end

    [[nodiscard]] bool said(std::string_view step) const {
        return std::any_of(lines.begin(), lines.end(),
                           [&](const std::string& line) { return line.starts_with(step); });
    }
};

std::string join(const std::vector<std::string>& lines) {
    std::string joined;
    for (const auto& line : lines) {
        joined += (joined.empty() ? "" : ", ") + line;
    }
    return joined;
}

bool readLine(FILE* in, std::string& line) {
    char buffer[256];
    if (std::fgets(buffer, sizeof buffer, in) == nullptr) {
        return false;
    }
    line = buffer;
    if (!line.empty() && line.back() == '\n') {
        line.pop_back();
    }
    return true;
}

/// Runs the child for `round`; kills it `killAfter` after it said "opened" (never when
/// killAfter is negative).
ChildRun runChild(const fs::path& project, const fs::path& recovery, const std::string& mode,
                  int round, std::chrono::microseconds killAfter) {
    int pipeEnds[2];
    REQUIRE(pipe(pipeEnds) == 0);
    const std::string roundText = std::to_string(round);
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        dup2(pipeEnds[1], STDOUT_FILENO);
        close(pipeEnds[0]);
        close(pipeEnds[1]);
        execl(TRYGG_KILL_CHILD, TRYGG_KILL_CHILD, TRYGG_SOURCE_LAYERS_DIR, project.c_str(),
              recovery.c_str(), mode.c_str(), roundText.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    close(pipeEnds[1]);
    FILE* in = fdopen(pipeEnds[0], "r");
    ChildRun run;
    std::string line;
    while (readLine(in, line)) {
        run.lines.push_back(line);
        if (line == "opened") {
            break;
        }
    }
    const auto opened = Clock::now();
    if (killAfter.count() >= 0) {
        std::this_thread::sleep_for(killAfter);
        kill(pid, SIGKILL);
    }
    while (readLine(in, line)) {
        run.lines.push_back(line);
    }
    std::fclose(in);
    int status = 0;
    waitpid(pid, &status, 0);
    run.seconds = std::chrono::duration<double>(Clock::now() - opened).count();
    run.killed = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

/// The state a file holds; fails the test when it does not open or holds no state.
killtest::State stateIn(const fs::path& file) {
    auto project = openProject(file, test::sourceCatalog());
    INFO((project ? file.string() : project.error().describe()));
    REQUIRE(project);
    std::string why;
    const auto state = killtest::stateOf(*project, why);
    INFO(why);
    REQUIRE(state);
    return *state;
}

/// The start project with `observations`, generated once in the build folder.
fs::path startProject(std::size_t observations) {
    const fs::path cached =
        fs::path(TRYGG_DURABILITY_CACHE) / ("kill-start-" + std::to_string(observations) + ".gpkg");
    if (!fs::exists(cached)) {
        fs::create_directories(cached.parent_path());
        const fs::path temporary = cached.string() + ".part";
        killtest::writeStartProject(temporary, observations, test::sourceCatalog());
        fs::rename(temporary, cached);
    }
    return cached;
}

/// The recovery copy holds every edit the child had journaled before it was killed, and
/// nothing half-written: the marks of `state + 1`, and the addition once that was journaled.
void requireJournaled(const ChildRun& run, const RecoveryFiles& copy, int state) {
    const killtest::State marks{state + 1, state};
    const killtest::State all{state + 1, state + 1};
    if (run.said("journaled-all")) {
        REQUIRE(fs::exists(copy.sidecar));
        REQUIRE(stateIn(copy.data) == all);
    } else if (run.said("journaled-marks")) {
        REQUIRE(fs::exists(copy.sidecar));
        const killtest::State kept = stateIn(copy.data);
        REQUIRE((kept == marks || kept == all));
    } else if (fs::exists(copy.data)) {
        const killtest::State kept = stateIn(copy.data);
        REQUIRE((kept == marks || kept == all));
    }
}

struct Tally {
    int oldState = 0;
    int newState = 0;
    int finished = 0;  ///< the child saved before the kill came
    int journaled = 0; ///< the kill came after the recovery copy had every edit
    double seconds = 0;
};

/// Kills `rounds` children of `mode` on a copy of the start project; returns what survived.
Tally killLoop(const std::string& mode, std::size_t observations, std::size_t rounds) {
    test::TempDir dir;
    const fs::path project = dir / "kill.gpkg";
    const fs::path recovery = dir / "recovery";
    fs::copy_file(startProject(observations), project);

    // One round without a kill gives the time a round takes after opening.
    const ChildRun calibration =
        runChild(project, recovery, mode, 1, std::chrono::microseconds(-1));
    INFO(join(calibration.lines));
    REQUIRE(calibration.exitCode == 0);
    REQUIRE(stateIn(project) == killtest::State{1, 1});
    const auto window = std::chrono::duration<double>(calibration.seconds * 1.1);
    std::printf("one round (%s) after opening: %.0f ms (%s)\n", mode.c_str(),
                calibration.seconds * 1000, join(calibration.lines).c_str());

    std::mt19937_64 random(envNumber("TRYGG_KILL_SEED", 8));
    std::uniform_real_distribution<double> moment(0.0, window.count());
    Tally tally;
    int state = 1;
    const auto start = Clock::now();
    for (std::size_t i = 0; i < rounds; ++i) {
        fs::remove_all(recovery);
        const auto delay = std::chrono::duration_cast<std::chrono::microseconds>(
            std::chrono::duration<double>(moment(random)));
        const ChildRun run = runChild(project, recovery, mode, state + 1, delay);
        INFO("kill " << i << " after " << delay.count() << " µs, child said: " << join(run.lines));
        REQUIRE((run.killed || run.exitCode == 0));
        const killtest::State now = stateIn(project);
        const killtest::State old{state, state};
        const killtest::State next{state + 1, state + 1};
        REQUIRE((now == old || now == next));
        if (run.said("saved")) {
            REQUIRE(now == next);
            ++tally.finished;
        }
        requireJournaled(run, recoveryFilesFor(recovery, project), state);
        tally.journaled += run.said("journaled-all") ? 1 : 0;
        ++(now == old ? tally.oldState : tally.newState);
        state = now.marked;
        if ((i + 1) % 10 == 0) { // long runs: figures so far
            std::printf("  %zu kills (%s): %d old, %d new\n", i + 1, mode.c_str(), tally.oldState,
                        tally.newState);
            std::fflush(stdout);
        }
    }
    tally.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    std::printf("kill test (%s, %zu observations): %zu kills in %.1f s, window %.0f ms: %d old, "
                "%d new (%d after the save had finished), %d after the recovery copy was "
                "complete\n",
                mode.c_str(), observations, rounds, tally.seconds, window.count() * 1000,
                tally.oldState, tally.newState, tally.finished, tally.journaled);
    return tally;
}

std::size_t rounds() {
    return envNumber("TRYGG_KILL_ROUNDS", longRun() ? 200 : 10);
}
std::size_t observations() {
    return envNumber("TRYGG_KILL_OBSERVATIONS", longRun() ? 100000 : 3000);
}

} // namespace

TEST_CASE("recovery copies: the whole project against the file with the edits",
          "[durability][kill]") {
    test::TempDir dir;
    const fs::path project = dir / "kill.gpkg";
    fs::copy_file(startProject(observations()), project);
    const ChildRun run =
        runChild(project, dir / "recovery", "measure", 1, std::chrono::microseconds(-1));
    INFO(join(run.lines));
    REQUIRE(run.exitCode == 0);
    std::printf("recovery copy with %zu observations, ms: %s\n", observations(),
                join(run.lines).c_str());
    CHECK(run.said("in-place"));
    CHECK(stateIn(project) == killtest::State{0, 0});
}

TEST_CASE("a save killed at any moment leaves the old or the new state", "[durability][kill]") {
    const Tally tally = killLoop("save", observations(), rounds());
    CHECK(tally.oldState + tally.newState == static_cast<int>(rounds()));
}

TEST_CASE("a save-as killed at any moment leaves the old or the new file", "[durability][kill]") {
    const Tally tally = killLoop("saveas", observations(), rounds());
    CHECK(tally.oldState + tally.newState == static_cast<int>(rounds()));
}
