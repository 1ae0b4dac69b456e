#include "background_open.h"

#include "tryggkarta/io/project_store.h"

#include <QEventLoop>
#include <QFutureWatcher>
#include <QProgressDialog>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace trygg {

void detail::runWithProgressDialog(const QString& label, QWidget* parent, SharedProgress& progress,
                                   const std::function<void()>& work) {
    QFutureWatcher<void> watcher;
    QProgressDialog dialog(label, QObject::tr("Avbryt"), 0, 1000, parent);
    dialog.setWindowModality(Qt::WindowModal);
    dialog.setMinimumDuration(400); // short work finishes without a flash of dialog
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &dialog, [&] {
        if (progress.total() > 0) {
            dialog.setValue(static_cast<int>(progress.done() * 1000 / progress.total()));
        }
    });
    QObject::connect(&dialog, &QProgressDialog::canceled, &dialog, [&] { progress.cancel(); });
    QObject::connect(&watcher, &QFutureWatcher<void>::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(QtConcurrent::run(work));
    poll.start(100);
    loop.exec();
    poll.stop();
    dialog.reset();
}

Result<Project> openProjectWithProgress(const std::filesystem::path& path,
                                        const LayerCatalog& catalog, QWidget* parent) {
    return runWithProgress<Project>(
        QObject::tr("Öppnar %1 …").arg(QString::fromStdString(path.filename().string())), parent,
        [&](Progress& progress) { return openProject(path, catalog, progress); });
}

} // namespace trygg
