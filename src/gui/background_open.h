#pragma once
// Long work (opening, importing) on a worker thread while a progress dialog with Cancel
// keeps the window responsive.

#include "tryggkarta/core/progress.h"
#include "tryggkarta/core/project.h"
#include "tryggkarta/io/layer_definitions.h"

#include <QString>
#include <QWidget>

#include <atomic>
#include <filesystem>
#include <functional>
#include <optional>

namespace trygg {

/// Progress that the GUI thread polls; the worker only stores numbers.
class SharedProgress final : public Progress {
public:
    void update(std::uint64_t done, std::uint64_t total) override {
        m_done.store(done);
        m_total.store(total);
    }
    [[nodiscard]] bool isCancelled() const override { return m_cancel.load(); }
    void cancel() { m_cancel.store(true); }
    [[nodiscard]] std::uint64_t done() const { return m_done.load(); }
    [[nodiscard]] std::uint64_t total() const { return m_total.load(); }

private:
    std::atomic<std::uint64_t> m_done{0};
    std::atomic<std::uint64_t> m_total{0};
    std::atomic<bool> m_cancel{false};
};

namespace detail {
/// Runs `work` on a worker thread and shows `label` with a progress bar and Cancel until it
/// ends; `work` must not touch widgets.
void runWithProgressDialog(const QString& label, QWidget* parent, SharedProgress& progress,
                           const std::function<void()>& work);
} // namespace detail

/// Runs `work(progress)` off the GUI thread; Cancel makes progress.isCancelled() true.
template <typename T>
Result<T> runWithProgress(const QString& label, QWidget* parent,
                          const std::function<Result<T>(Progress&)>& work) {
    SharedProgress progress;
    std::optional<Result<T>> result;
    detail::runWithProgressDialog(label, parent, progress, [&] { result.emplace(work(progress)); });
    return std::move(*result);
}

/// Opens a project in the background. Returns the project, or the error (Cancelled when
/// the user stopped).
Result<Project> openProjectWithProgress(const std::filesystem::path& path,
                                        const LayerCatalog& catalog, QWidget* parent);

} // namespace trygg
