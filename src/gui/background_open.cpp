#include "background_open.h"

#include "tryggkarta/io/project_store.h"

#include <QApplication>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QProgressDialog>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>

namespace trygg {
namespace {

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

} // namespace

Result<Project> openProjectWithProgress(const std::filesystem::path& path,
                                        const LayerCatalog& catalog, QWidget* parent) {
    SharedProgress progress;
    QFutureWatcher<Result<Project>> watcher;
    QProgressDialog dialog(QObject::tr("Öppnar %1 …").arg(QString::fromStdString(path.filename().string())),
                           QObject::tr("Avbryt"), 0, 1000, parent);
    dialog.setWindowModality(Qt::WindowModal);
    dialog.setMinimumDuration(400); // a small project opens without a flash of dialog
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &dialog, [&] {
        if (progress.total() > 0) {
            dialog.setValue(static_cast<int>(progress.done() * 1000 / progress.total()));
        }
    });
    QObject::connect(&dialog, &QProgressDialog::canceled, &dialog, [&] { progress.cancel(); });
    QObject::connect(&watcher, &QFutureWatcher<Result<Project>>::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(QtConcurrent::run([&] { return openProject(path, catalog, progress); }));
    poll.start(100);
    loop.exec();
    poll.stop();
    dialog.reset();
    return watcher.result();
}

} // namespace trygg
