// tryggkarta: the desktop app.

#include "gps_tracker.h"
#include "main_window.h"
#include "map_canvas.h"
#include "position_readout.h"

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
    QCommandLineOption addOption(QStringLiteral("add"),
                                 QStringLiteral("Visa även en kartfil (vektor eller raster), kan upprepas"),
                                 QStringLiteral("fil"));
    QCommandLineOption centerOption(QStringLiteral("center"),
                                    QStringLiteral("Kartans mitt i projektets koordinater: E,N"),
                                    QStringLiteral("E,N"));
    QCommandLineOption scaleOption(QStringLiteral("scale"), QStringLiteral("Skala 1:N"), QStringLiteral("N"));
    parser.addOptions({langOption, grabOption, timingOption, addOption, centerOption, scaleOption});
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
    window.gps()->restoreFromSettings(); // the receiver or log chosen under Inställningar

    QString project = parser.positionalArguments().value(0);
    if (project.isEmpty()) {
        QStringList recent = QSettings().value(QStringLiteral("recentProjects")).toStringList();
        project = !recent.isEmpty() && QFileInfo::exists(recent.front()) ? recent.front() : sampleProject();
    }
    if (QFileInfo::exists(project)) {
        window.openProjectFile(project.toStdString());
    }
    for (const QString& file : parser.values(addOption)) {
        window.addDataFile(file);
    }
    trygg::ViewTransform view = window.canvas()->view();
    if (parser.isSet(centerOption)) {
        QStringList parts = parser.value(centerOption).split(QLatin1Char(','));
        bool okX = false;
        bool okY = false;
        double x = parts.value(0).toDouble(&okX);
        double y = parts.value(1).toDouble(&okY);
        if (parts.size() != 2 || !okX || !okY) {
            std::fprintf(stderr, "tryggkarta: --center takes E,N, e.g. 733107,7096069\n");
            return 2;
        }
        view = view.withCenter(trygg::Point{x, y});
    }
    if (parser.isSet(scaleOption)) {
        auto scale = trygg::parseScale(parser.value(scaleOption));
        if (!scale) {
            std::fprintf(stderr, "tryggkarta: --scale takes a number such as 2000\n");
            return 2;
        }
        view = view.withScale(*scale);
    }
    window.canvas()->setView(view);

    // Report and grab once the map of the opened project is on screen: a render that
    // finishes while another is in flight or scheduled does not count.
    const bool timing = parser.isSet(timingOption);
    const QString grab = parser.value(grabOption);
    bool reported = false;
    QTimer settle;
    settle.setSingleShot(true);
    settle.setInterval(150);
    QObject::connect(window.canvas(), &trygg::MapCanvas::renderFinished, &settle,
                     [&] { settle.start(); });
    QObject::connect(&settle, &QTimer::timeout, &window, [&] {
        if (window.canvas()->isRendering() || reported) {
            return;
        }
        reported = true;
        if (timing) {
            // The settle interval is waited after the render, so it is not counted.
            std::fprintf(stderr, "tryggkarta: first map painted %lld ms after start\n",
                         static_cast<long long>(sinceStart.elapsed() - settle.interval()));
        }
        if (!grab.isEmpty()) {
            window.grab().save(grab);
            QApplication::quit();
        }
    });
    return QApplication::exec();
}
