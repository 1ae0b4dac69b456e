#pragma once
// Shared by the tests: temporary folders and reading files back.

#include "tryggkarta/core/feature.h"
#include "tryggkarta/io/layer_definitions.h"

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

namespace trygg::test {

/// A fresh folder under the system temp dir, removed when the test ends.
class TempDir {
public:
    TempDir() {
        std::random_device random;
        m_path = std::filesystem::temp_directory_path() /
                 ("tryggkarta-test-" + std::to_string(random()) + std::to_string(random()));
        std::filesystem::create_directories(m_path);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }
    [[nodiscard]] std::filesystem::path operator/(const std::string& name) const {
        return m_path / name;
    }
    /// Writes `content` to a file in the folder and returns its path.
    std::filesystem::path write(const std::string& name, const std::string& content) const {
        auto file = m_path / name;
        std::ofstream(file, std::ios::binary) << content;
        return file;
    }

private:
    std::filesystem::path m_path;
};

inline std::string readAll(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

/// The layer definitions of the source tree, loaded once.
inline const LayerCatalog& sourceCatalog() {
    static const LayerCatalog loaded = *loadLayerCatalog(TRYGG_SOURCE_LAYERS_DIR);
    return loaded;
}

/// A path quoted for the shell command line runCli builds.
inline std::string q(const std::filesystem::path& path) { return "'" + path.string() + "'"; }

/// What a run of a command-line program printed and returned.
struct CliRun {
    int exitCode = -1;
    std::string out;
    std::string err;
};

/// Runs `executable --layers <source layers> arguments` (arguments shell-quoted by the
/// caller) with no standard input, capturing its output in files of `dir`.
inline CliRun runCli(const std::string& executable, const TempDir& dir, const std::string& arguments) {
    auto out = dir / "stdout.txt";
    auto err = dir / "stderr.txt";
    std::string command = "'" + executable + "' --layers '" + TRYGG_SOURCE_LAYERS_DIR + "' " +
                          arguments + " >'" + out.string() + "' 2>'" + err.string() + "' </dev/null";
    int status = std::system(command.c_str());
    return CliRun{WIFEXITED(status) ? WEXITSTATUS(status) : -1, readAll(out), readAll(err)};
}

/// An unsafe lighting observation from a safety walk at (x, y), the other fields NULL.
inline Feature lightingObservation(const LayerDef& observations, double x, double y) {
    Feature feature;
    feature.geometry = Point(x, y);
    feature.values.resize(observations.fields.size());
    feature.values[*observations.fieldIndex("kategori")] = std::string("belysning");
    feature.values[*observations.fieldIndex("polaritet")] = std::string("otrygg");
    feature.values[*observations.fieldIndex("kalla")] = std::string("trygghetsvandring");
    return feature;
}

} // namespace trygg::test
