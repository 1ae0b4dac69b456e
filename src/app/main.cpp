// tryggkarta: the desktop app.

#include "main_window.h"
#include "map_canvas.h"

#include "tryggkarta/io/gdal_setup.h"
#include "tryggkarta/io/layer_definitions.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QIcon>
#include <QLocale>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>

#include <cstdio>

namespace {

/// The example project: the installed copy beside the program, else the build tree's.
QString sampleProject() {
    QString installed = QCoreApplication::applicationDirPath() +
                        QStringLiteral("/../share/tryggkarta/maps/vannas-centrum.gpkg");
    if (QFileInfo::exists(installed)) {
        return installed;
    }
    return QStringLiteral(TRYGG_BUILD_SAMPLE_PROJECT);
}

QString startLanguage(const QString& asked) {
    if (!asked.isEmpty()) {
        return asked;
    }
    QSettings settings;
    if (settings.contains(QStringLiteral("language"))) {
        return settings.value(QStringLiteral("language")).toString();
    }
    // Swedish unless the computer is set up in English.
    return QLocale().language() == QLocale::English ? QStringLiteral("en") : QStringLiteral("sv");
}

} // namespace

int main(int argc, char** argv) {
    QElapsedTimer sinceStart;
    sinceStart.start();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Tryggkarta"));
    QApplication::setApplicationName(QStringLiteral("Tryggkarta"));
    QApplication::setApplicationVersion(QStringLiteral(TRYGG_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/tryggkarta.svg")));
    trygg::initialiseGdal();

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Tryggkarta: trygghetskartläggning av Vännäs centrum"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("Projektfil (.gpkg)"));
    QCommandLineOption langOption(QStringLiteral("lang"), QStringLiteral("Språk: sv eller en"), QStringLiteral("lang"));
    QCommandLineOption grabOption(QStringLiteral("grab"),
                                  QStringLiteral("Spara en skärmbild av fönstret när kartan ritats, och avsluta"),
                                  QStringLiteral("png"));
    QCommandLineOption timingOption(QStringLiteral("timing"),
                                    QStringLiteral("Skriv tiden till första ritade kartan på stderr"));
    parser.addOptions({langOption, grabOption, timingOption});
    parser.process(app);

    auto catalog = trygg::loadLayerCatalog(trygg::defaultLayersDirectory());
    if (!catalog) {
        QMessageBox::critical(nullptr, QStringLiteral("Tryggkarta"),
                              QStringLiteral("Lagerdefinitionerna kunde inte läsas:\n%1")
                                  .arg(QString::fromStdString(catalog.error().describe())));
        return 1;
    }
    trygg::MainWindow window(std::move(*catalog));
    window.setLanguage(startLanguage(parser.value(langOption)));
    window.show();

    QString project = parser.positionalArguments().value(0);
    if (project.isEmpty()) {
        QStringList recent = QSettings().value(QStringLiteral("recentProjects")).toStringList();
        project = !recent.isEmpty() && QFileInfo::exists(recent.front()) ? recent.front() : sampleProject();
    }
    const bool timing = parser.isSet(timingOption);
    const QString grab = parser.value(grabOption);
    bool reported = false;
    QObject::connect(window.canvas(), &trygg::MapCanvas::renderFinished, &window, [&] {
        if (window.canvas()->isRendering() || reported) {
            return;
        }
        reported = true;
        if (timing) {
            std::fprintf(stderr, "tryggkarta: first map painted %lld ms after start\n",
                         static_cast<long long>(sinceStart.elapsed()));
        }
        if (!grab.isEmpty()) {
            QTimer::singleShot(200, &window, [&] {
                window.grab().save(grab);
                QApplication::quit();
            });
        }
    });
    if (QFileInfo::exists(project)) {
        window.openProjectFile(project.toStdString());
    }
    return QApplication::exec();
}
