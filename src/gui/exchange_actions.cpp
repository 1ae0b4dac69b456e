#include "exchange_actions.h"

#include "export_dialog.h"
#include "import_dialog.h"
#include "photo_folder_dialog.h"
#include "plan_dialog.h"

#include "tryggkarta/document/map_document.h"

#include <QAction>
#include <QFileDialog>
#include <QMenu>

namespace trygg {

ExchangeActions::ExchangeActions(MapDocument& document, QWidget& window,
                                 std::function<Box()> visibleArea)
    : QObject(&window), m_document(document), m_window(window),
      m_visibleArea(std::move(visibleArea)) {
    m_export = new QAction(this);
    m_export->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(m_export, &QAction::triggered, this, &ExchangeActions::exportData);
    m_plan = new QAction(this);
    m_plan->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    connect(m_plan, &QAction::triggered, this, &ExchangeActions::writePlan);
    m_import = new QAction(this);
    m_import->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    connect(m_import, &QAction::triggered, this, &ExchangeActions::importData);
    m_importPhotos = new QAction(this);
    connect(m_importPhotos, &QAction::triggered, this, &ExchangeActions::importPhotoFolder);
    retranslate();
}

void ExchangeActions::addTo(QMenu& menu, QAction* exports, QAction* imports) {
    menu.insertActions(exports, {m_export, m_plan});
    menu.insertActions(imports, {m_import, m_importPhotos});
}

void ExchangeActions::retranslate() {
    m_export->setText(tr("&Exportera…"));
    m_export->setStatusTip(tr("Lämna ut lager till konsulter eller allmänheten (Shape, GeoPackage, GeoJSON, CSV, KML …), utan personuppgifter om du vill"));
    m_plan->setText(tr("Åtgärds&plan…"));
    m_plan->setStatusTip(tr("Skriv åtgärdsplanen som PDF eller bilder: karta med numrerade åtgärder, tabell och kostnader per ansvarig"));
    m_import->setText(tr("&Importera till lager…"));
    m_import->setStatusTip(tr("Lägg till objekt från en fil (Shape, GeoPackage, CSV, GeoJSON …) i ett av projektets lager"));
    m_importPhotos->setText(tr("Importera &foton från mapp…"));
    m_importPhotos->setStatusTip(tr("Varje foto med GPS-position blir en observation där det togs, med fotot bifogat"));
}

void ExchangeActions::importData() {
    if (!m_document.hasProject()) {
        return;
    }
    QString path = QFileDialog::getOpenFileName(
        &m_window, tr("Importera till lager"), QString(),
        tr("Vektordata (*.shp *.gpkg *.geojson *.json *.kml *.gpx *.csv *.xlsx *.ods);;Alla filer (*)"));
    if (path.isEmpty()) {
        return;
    }
    ImportDialog dialog(m_document, path.toStdString(), m_language.toStdString(), &m_window);
    dialog.readSource();
    if (dialog.exec() == QDialog::Accepted) {
        emit message(tr("Importerat. Ångra med Ctrl+Z."));
    }
}

void ExchangeActions::importPhotoFolder() {
    if (!m_document.hasProject()) {
        return;
    }
    const QString folder = QFileDialog::getExistingDirectory(&m_window, tr("Välj mapp med foton"));
    if (folder.isEmpty()) {
        return;
    }
    PhotoFolderImportDialog dialog(m_document, folder.toStdString(), &m_window);
    if (dialog.readFolder() && dialog.exec() == QDialog::Accepted) {
        emit message(tr("Fotona är importerade. Ångra med Ctrl+Z."));
    }
}

void ExchangeActions::exportData() {
    if (!m_document.hasProject()) {
        return;
    }
    ExportDialog dialog(m_document, m_language, &m_window);
    if (dialog.exec() == QDialog::Accepted && dialog.report()) {
        emit message(tr("Exporterat till %1")
                         .arg(QString::fromStdString(dialog.report()->output.string())));
    }
}

void ExchangeActions::writePlan() {
    if (!m_document.hasProject()) {
        return;
    }
    PlanDialog dialog(m_document, m_visibleArea(), m_language, &m_window);
    if (dialog.exec() == QDialog::Accepted && dialog.layout()) {
        emit message(tr("Åtgärdsplanen sparades i %1")
                         .arg(QString::fromStdString(dialog.layout()->files.front().string())));
    }
}

} // namespace trygg
