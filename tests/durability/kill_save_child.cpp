// The process the kill test kills: opens a project of the kill test in state `round - 1`,
// takes it to state `round` as the app would (edits in a MapDocument), writes the recovery
// copy, then saves (in place, or the whole project with "saveas"). It reports each step on
// standard output as it finishes, so the test knows what was done before its SIGKILL:
//   opened / journaled-marks <ms> / journaled-all <ms> / saving / saved <ms>
// Usage: kill_save_child LAYERS_DIR PROJECT RECOVERY_FOLDER save|saveas|measure ROUND
// ("measure" times the ways of writing the recovery copy and leaves the project as it is)

#include "kill_state.h"
#include "tryggkarta/document/map_document.h"
#include "tryggkarta/document/recovery.h"
#include "tryggkarta/io/gdal_setup.h"
#include "tryggkarta/io/project_store.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

using namespace trygg;

namespace {

using Clock = std::chrono::steady_clock;

void report(const std::string& line) {
    std::printf("%s\n", line.c_str());
    std::fflush(stdout);
}

long long msSince(Clock::time_point start) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
}

int failed(const std::string& what, const Error& error) {
    std::fprintf(stderr, "%s: %s\n", what.c_str(), error.describe().c_str());
    return 1;
}

/// The marked observations say `round`.
Result<void> markRound(MapDocument& document, const std::vector<FeatureId>& marked, int round) {
    const LayerDef& def = document.layer(killtest::kLayer)->definition();
    std::vector<std::optional<Value>> values(def.fields.size());
    values[*def.fieldIndex(killtest::kField)] = Value{killtest::roundText(round)};
    return document.setValues(killtest::kLayer, marked, values);
}

Result<void> addObservation(MapDocument& document, int round) {
    const LayerDef& def = document.layer(killtest::kLayer)->definition();
    auto added = document.addFeature(killtest::kLayer, killtest::addedObservation(def, round));
    return added ? Result<void>{} : std::unexpected(added.error());
}

/// Brings the recovery copy up to date as the app does (the first time a copy of the file
/// with the edits, then the edits in place) and says so with `step`.
Result<void> journal(const MapDocument& document, const std::filesystem::path& folder,
                     bool copyIsCurrent, const std::string& step) {
    const auto start = Clock::now();
    const RecoveryInfo info{recoveryKey(document.path()), QDateTime::currentDateTime(), 0};
    const RecoveryBase base{document.path(), document.unsavedChanges(), copyIsCurrent};
    if (auto kept = updateRecovery(recoveryFilesFor(folder, document.path()), document.snapshot(),
                                   base, info);
        !kept) {
        return kept;
    }
    report(step + " " + std::to_string(msSince(start)));
    return {};
}

/// How long the recovery copy takes written whole (the project from memory) and as the file
/// with the edits, after the edits of a round; the project file is not changed.
int measure(MapDocument& document, const std::filesystem::path& folder,
            const std::vector<FeatureId>& marked, int round) {
    if (auto step = markRound(document, marked, round); !step) {
        return failed("edit", step.error());
    }
    auto start = Clock::now();
    const RecoveryInfo info{recoveryKey(document.path()), QDateTime::currentDateTime(), 0};
    if (auto kept = writeRecovery(recoveryFilesFor(folder / "whole", document.path()),
                                  document.snapshot(), info);
        !kept) {
        return failed("recovery", kept.error());
    }
    report("whole " + std::to_string(msSince(start)));
    if (auto step = journal(document, folder, false, "copy"); !step) {
        return failed("recovery", step.error());
    }
    if (auto step = addObservation(document, round); !step) {
        return failed("edit", step.error());
    }
    if (auto step = journal(document, folder, true, "in-place"); !step) {
        return failed("recovery", step.error());
    }
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 6) {
        std::fprintf(stderr, "usage: %s LAYERS_DIR PROJECT RECOVERY_FOLDER save|saveas ROUND\n",
                     argv[0]);
        return 2;
    }
    initialiseGdal();
    const std::filesystem::path project = argv[2];
    const std::filesystem::path recoveryFolder = argv[3];
    const bool saveAs = std::string(argv[4]) == "saveas";
    const int round = std::atoi(argv[5]);
    auto catalog = loadLayerCatalog(argv[1]);
    if (!catalog) {
        return failed("layers", catalog.error());
    }
    auto opened = openProject(project, *catalog);
    if (!opened) {
        return failed("open", opened.error());
    }
    const std::vector<FeatureId> marked = killtest::markedIds(*opened);
    MapDocument document(*catalog);
    document.setProject(std::move(*opened), project);
    report("opened");
    if (std::string(argv[4]) == "measure") {
        return measure(document, recoveryFolder, marked, round);
    }

    if (auto step = markRound(document, marked, round); !step) {
        return failed("edit", step.error());
    }
    if (auto step = journal(document, recoveryFolder, false, "journaled-marks"); !step) {
        return failed("recovery", step.error());
    }
    if (auto step = addObservation(document, round); !step) {
        return failed("edit", step.error());
    }
    if (auto step = journal(document, recoveryFolder, true, "journaled-all"); !step) {
        return failed("recovery", step.error());
    }

    report("saving");
    const auto start = Clock::now();
    if (auto saved = saveAs ? document.saveAs(project) : document.save(); !saved) {
        return failed("save", saved.error());
    }
    report("saved " + std::to_string(msSince(start)));
    return 0;
}
