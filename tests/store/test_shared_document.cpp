// The app's side of a shared project: the document saving to the database, the conflict
// dialog and the save that goes through it, and bringing back a recovery copy's edits.

#include "gui/conflict_dialog.h"
#include "gui/database_actions.h"
#include "gui/database_dialog.h"
#include "pg_test_support.h"
#include "tryggkarta/document/recovery.h"
#include "tryggkarta/io/database_location.h"

#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QSettings>
#include <QTimer>
#include <QTreeWidget>

using namespace trygg;
using trygg::test::TempDir;
using trygg::test::TestDatabase;

namespace {

const LayerCatalog& catalog() {
    return trygg::test::sourceCatalog();
}

/// A document opened on the database, as "Öppna från databas" leaves it.
std::unique_ptr<MapDocument> openDocument(const std::string& url) {
    auto shared = openSharedProject(url, catalog());
    INFO((shared ? "" : shared.error().describe()));
    REQUIRE(shared);
    auto document = std::make_unique<MapDocument>(catalog());
    document->setSharedProject(std::move(*shared), url);
    return document;
}

void setText(MapDocument& document, FeatureId id, const std::string& field,
             const std::string& value) {
    const LayerDef& def = document.layer("observationer")->definition();
    std::vector<std::optional<Value>> values(def.fields.size());
    values[*def.fieldIndex(field)] = Value{value};
    auto set = document.setValues("observationer", {id}, values);
    INFO((set ? "" : set.error().describe()));
    REQUIRE(set);
}

std::string textIn(const MapDocument& document, FeatureId id, const std::string& field) {
    const Layer& layer = *document.layer("observationer");
    return textOf(layer.definition(), *layer.find(id), field);
}

/// The sample database, its observations complete (the source is a required field).
void prepare(const TestDatabase& db, const TempDir& dir) {
    trygg::test::prepareSharedDatabase(db, dir, 3);
    REQUIRE(trygg::test::runSql(db.url(), "UPDATE observationer SET kalla = 'trygghetsvandring', "
                                          "version = version + 1") == "");
}

/// The prepared database and two editors, Anna and Bo, who opened it.
struct TwoEditors {
    explicit TwoEditors(const std::string& server) : db(server) {
        prepare(db, dir);
        anna = openDocument(db.url());
        bo = openDocument(db.url());
    }
    TestDatabase db;
    TempDir dir;
    std::unique_ptr<MapDocument> anna;
    std::unique_ptr<MapDocument> bo;
};

std::string storedText(const TestDatabase& db, int fid, const std::string& field) {
    auto rows = trygg::test::queryRows(
        db.url(), "SELECT " + field + " FROM observationer WHERE fid = " + std::to_string(fid));
    return rows.empty() ? "<none>" : rows.front();
}

} // namespace

TEST_CASE("a shared document saves to the database and is told of a stale edit") {
    TRYGG_REQUIRE_PG_SERVER(server);
    TwoEditors editors(*server);
    const TestDatabase& db = editors.db;
    auto& anna = editors.anna;
    auto& bo = editors.bo;
    CHECK(anna->isShared());
    CHECK(anna->path().string().find("password") == std::string::npos);
    CHECK(anna->path().string().find("dbname=" + db.name()) != std::string::npos);

    setText(*anna, FeatureId{1}, "kategori", "sikt");
    REQUIRE(anna->save());
    CHECK_FALSE(anna->isModified());
    CHECK(storedText(db, 1, "kategori") == "sikt");

    setText(*bo, FeatureId{1}, "kategori", "gomstallen");
    auto refused = bo->save();
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::Conflict);
    CHECK(bo->isModified());
    CHECK(storedText(db, 1, "kategori") == "sikt"); // nothing overwritten
    REQUIRE(bo->conflicts().size() == 1);
    const FeatureConflict conflict = bo->conflicts().front();
    CHECK(conflict.id == FeatureId{1});
    REQUIRE(conflict.fields.size() == 1);
    CHECK(conflict.fields[0].field == "kategori");
    CHECK(conflict.fields[0].ours == "gomstallen");
    CHECK(conflict.fields[0].theirs == "sikt");

    SECTION("keeping theirs takes their value, and the save goes through") {
        REQUIRE(bo->resolveConflict(conflict, true));
        CHECK(bo->conflicts().empty());
        CHECK(textIn(*bo, FeatureId{1}, "kategori") == "sikt");
        REQUIRE(bo->save());
        CHECK(storedText(db, 1, "kategori") == "sikt");
        // Undo of the taken change is one step, like any other edit.
        CHECK(bo->undoStack().count() == 2);
    }
    SECTION("keeping ours writes ours over theirs") {
        REQUIRE(bo->resolveConflict(conflict, false));
        REQUIRE(bo->save());
        CHECK(storedText(db, 1, "kategori") == "gomstallen");
        // Anna's next edit of it builds on a version Bo moved on: refused in turn.
        setText(*anna, FeatureId{1}, "beskrivn", "Anna igen");
        auto again = anna->save();
        REQUIRE_FALSE(again);
        CHECK(again.error().code == ErrorCode::Conflict);
    }
}

TEST_CASE("a shared document does not call the same values a conflict") {
    TRYGG_REQUIRE_PG_SERVER(server);
    TwoEditors editors(*server);
    const TestDatabase& db = editors.db;
    auto& anna = editors.anna;
    auto& bo = editors.bo;
    setText(*anna, FeatureId{2}, "beskrivn", "Buskar skymmer sikten");
    setText(*bo, FeatureId{2}, "beskrivn", "Buskar skymmer sikten");
    REQUIRE(anna->save());
    auto saved = bo->save();
    INFO((saved ? "" : saved.error().describe()));
    CHECK(saved);
    CHECK(bo->conflicts().empty());
    CHECK(storedText(db, 2, "version") == "4");
}

TEST_CASE("the conflict dialog shows both values by their labels and saves the choice") {
    TRYGG_REQUIRE_PG_SERVER(server);
    TwoEditors editors(*server);
    const TestDatabase& db = editors.db;
    auto& anna = editors.anna;
    auto& bo = editors.bo;
    setText(*anna, FeatureId{1}, "kategori", "sikt");
    setText(*anna, FeatureId{3}, "beskrivn", "Annas text");
    REQUIRE(anna->save());
    setText(*bo, FeatureId{1}, "kategori", "belysning");
    setText(*bo, FeatureId{1}, "beskrivn", "Bos text");
    setText(*bo, FeatureId{3}, "beskrivn", "Bos text om 3");
    REQUIRE_FALSE(bo->save());
    REQUIRE(bo->conflicts().size() == 2);

    ConflictDialog dialog(*bo, bo->conflicts(), "sv");
    QTreeWidget* tree = dialog.tree();
    REQUIRE(tree->topLevelItemCount() == 2);
    QTreeWidgetItem* first = tree->topLevelItem(0);
    CHECK(first->text(0) == QStringLiteral("Observationer nr 1"));
    REQUIRE(first->childCount() == 2); // kategori and beskrivn differ
    QTreeWidgetItem* category = first->child(0)->text(0) == QStringLiteral("Kategori")
                                    ? first->child(0)
                                    : first->child(1);
    CHECK(category->text(0) == QStringLiteral("Kategori"));
    CHECK(category->text(1) == QStringLiteral("Belysning"));
    CHECK(category->text(2) == QStringLiteral("Skymd sikt/vegetation"));
    CHECK(dialog.keepTheirs() == std::vector<bool>{false, false});
    dialog.chooseAll(true);
    CHECK(dialog.keepTheirs() == std::vector<bool>{true, true});

    // The app's save: the dialog comes up; take theirs for 1 and keep mine for 3.
    QWidget window;
    RecoveryWriter recovery(*bo);
    recovery.setFolder((editors.dir / "recovery").string());
    DatabaseActions actions(*bo, recovery, window, [] { return true; }, [] { return false; });
    int dialogs = 0;
    std::function<void()> answer = [&] {
        for (QWidget* widget : QApplication::topLevelWidgets()) {
            if (auto* shown = qobject_cast<ConflictDialog*>(widget); shown && shown->isVisible()) {
                ++dialogs;
                auto* choice1 = qobject_cast<QComboBox*>(
                    shown->tree()->itemWidget(shown->tree()->topLevelItem(0), 3));
                REQUIRE(choice1);
                choice1->setCurrentIndex(1);
                shown->accept();
                return;
            }
        }
        QTimer::singleShot(20, answer);
    };
    QTimer::singleShot(0, answer);
    CHECK(actions.save());
    CHECK(dialogs == 1);
    CHECK(storedText(db, 1, "kategori") == "sikt");
    CHECK(storedText(db, 1, "beskrivn") == "Mörkt vid ån, äldre lykta är trasig");
    CHECK(storedText(db, 3, "beskrivn") == "Bos text om 3");
    CHECK_FALSE(bo->isModified());
}

TEST_CASE("a recovery copy of a shared project brings its edits back onto the database's state") {
    TRYGG_REQUIRE_PG_SERVER(server);
    TestDatabase db(*server);
    TempDir dir;
    prepare(db, dir);
    const std::string url = db.url() + " password=hemligt"; // trust login; must not reach disk
    auto anna = openDocument(url);
    auto bo = openDocument(db.url());
    setText(*anna, FeatureId{2}, "beskrivn", "Annas osparade rad");
    const Layer& layer = *anna->layer("observationer");
    auto added = anna->addFeature(
        "observationer", trygg::test::observationAt(layer, Point{733150.0, 7096080.0},
                                                    {{"kategori", Value{std::string("sikt")}},
                                                     {"polaritet", Value{std::string("otrygg")}},
                                                     {"kalla", Value{std::string("annan")}}}));
    REQUIRE(added);

    // The app crashes after its recovery copy was written; meanwhile Bo saves feature 3.
    const auto folder = dir / "recovery";
    RecoveryInfo info{recoveryKey(anna->path()), QDateTime::currentDateTime(), 2};
    info.shared = anna->sharedEdits();
    const RecoveryFiles files = recoveryFilesFor(folder, anna->path());
    REQUIRE(writeRecovery(files, anna->snapshot(), info));
    CHECK(trygg::test::readAll(files.sidecar).find("hemligt") == std::string::npos);
    anna.reset();
    setText(*bo, FeatureId{3}, "beskrivn", "Bos sparade rad");
    REQUIRE(bo->save());

    auto found = findRecovery(folder, withoutPassword(url));
    REQUIRE(found);
    REQUIRE(found->info.shared);
    CHECK(found->info.shared->changes.layers.at("observationer").written.size() == 2);
    CHECK(found->info.shared->versions.at("observationer").at(FeatureId{2}) == 2);
    auto copy = openProject(found->files.data, catalog());
    REQUIRE(copy);
    auto fresh = openSharedProject(url, catalog());
    REQUIRE(fresh);
    MapDocument again(catalog());
    REQUIRE(again.setRecoveredSharedProject(std::move(*fresh), url, *copy, found->files.data,
                                            *found->info.shared));
    CHECK(again.isModified());
    CHECK(textIn(again, FeatureId{2}, "beskrivn") == "Annas osparade rad");
    CHECK(textIn(again, FeatureId{3}, "beskrivn") == "Bos sparade rad"); // not turned back
    CHECK(again.layer("observationer")->size() == 4);
    auto saved = again.save();
    INFO((saved ? "" : saved.error().describe()));
    REQUIRE(saved);
    CHECK(storedText(db, 2, "beskrivn") == "Annas osparade rad");
    CHECK(storedText(db, 3, "beskrivn") == "Bos sparade rad");
    CHECK(trygg::test::queryRows(db.url(), "SELECT count(*) FROM observationer").front() == "4");
}

TEST_CASE("two walk teams adding observations to a shared document both save, renumbered") {
    TRYGG_REQUIRE_PG_SERVER(server);
    TwoEditors editors(*server);
    const TestDatabase& db = editors.db;
    auto& anna = editors.anna;
    auto& bo = editors.bo;
    auto observation = [](const MapDocument& document, double x, const std::string& text) {
        return trygg::test::observationAt(*document.layer("observationer"),
                                          Point{733100.0 + x, 7096100.0},
                                          {{"kategori", Value{std::string("belysning")}},
                                           {"polaritet", Value{std::string("otrygg")}},
                                           {"kalla", Value{std::string("trygghetsvandring")}},
                                           {"beskrivn", Value{text}}});
    };
    auto annas = anna->addFeature("observationer", observation(*anna, 1.0, "Annas lag"));
    auto bos = bo->addFeature("observationer", observation(*bo, 2.0, "Bos lag"));
    REQUIRE(annas);
    REQUIRE(bos);
    CHECK(*annas == *bos); // each picked the next free id it knew of
    Photo photo;
    photo.fileName = "gatlykta.jpg";
    photo.mimeType = "image/jpeg";
    photo.data = std::make_shared<const std::string>("\xff\xd8\xff\xd9");
    photo.byteSize = 4;
    REQUIRE(bo->addPhotos("observationer", *bos, {photo}));
    bo->select("observationer", {*bos});

    REQUIRE(anna->save());
    auto saved = bo->save();
    INFO((saved ? "" : saved.error().describe()));
    REQUIRE(saved);
    CHECK(bo->conflicts().empty());
    CHECK(trygg::test::queryRows(db.url(), "SELECT count(*) FROM observationer").front() == "5");
    // Bo's observation has the id the database gave it, and its photo and selection follow.
    auto stored = trygg::test::queryRows(
        db.url(), "SELECT fid FROM observationer WHERE beskrivn = 'Bos lag'");
    REQUIRE(stored.size() == 1);
    const FeatureId bosId{std::stoll(stored.front())};
    CHECK(bosId != *bos);
    CHECK(textIn(*bo, bosId, "beskrivn") == "Bos lag");
    CHECK(bo->selection().ids == std::vector<FeatureId>{bosId});
    REQUIRE(bo->photos().size() == 2);
    const Photo& kept = bo->photos().back();
    CHECK(kept.feature == bosId);
    CHECK(trygg::test::queryRows(db.url(), "SELECT objekt FROM trygg_foto WHERE filnamn = "
                                           "'gatlykta.jpg'") ==
          std::vector<std::string>{std::to_string(toInt(bosId))});
    CHECK_FALSE(bo->isModified());
    CHECK(bo->undoStack().count() == 0); // the steps named the old id
    // Bo edits his observation again: it builds on the version the save gave it.
    setText(*bo, bosId, "beskrivn", "Bos lag, rättad");
    REQUIRE(bo->save());
    CHECK(storedText(db, static_cast<int>(toInt(bosId)), "beskrivn") == "Bos lag, rättad");
}

TEST_CASE("two editors photographing existing observations both keep their photos") {
    TRYGG_REQUIRE_PG_SERVER(server);
    TwoEditors editors(*server);
    const TestDatabase& db = editors.db;
    auto photoOf = [](const std::string& name, const std::string& bytes) {
        Photo photo;
        photo.fileName = name;
        photo.mimeType = "image/jpeg";
        photo.data = std::make_shared<const std::string>(bytes);
        photo.byteSize = static_cast<std::int64_t>(bytes.size());
        return photo;
    };
    auto annas = editors.anna->addPhotos("observationer", FeatureId{2},
                                         {photoOf("anna.jpg", "\xff\xd8" "anna\xff\xd9")});
    auto bos = editors.bo->addPhotos("observationer", FeatureId{3},
                                     {photoOf("bo.jpg", "\xff\xd8" "bo\xff\xd9")});
    REQUIRE(annas);
    REQUIRE(bos);
    CHECK(annas->front() == bos->front()); // both counted the next free photo id
    REQUIRE(editors.anna->save());
    auto saved = editors.bo->save();
    INFO((saved ? "" : saved.error().describe()));
    REQUIRE(saved);
    CHECK(trygg::test::queryRows(db.url(), "SELECT fid, objekt, filnamn FROM trygg_foto ORDER BY fid") ==
          std::vector<std::string>{"1|1|lykta.jpg", "2|2|anna.jpg", "3|3|bo.jpg"});
    // Bo's photo is known by its stored id, and its bytes read back from the database.
    const Photo& mine = editors.bo->photos().back();
    CHECK(mine.fileName == "bo.jpg");
    CHECK(mine.id == PhotoId{3});
    auto bytes = readPhotoData(db.url(), PhotoId{3});
    REQUIRE(bytes);
    CHECK(*bytes == "\xff\xd8" "bo\xff\xd9");
}

TEST_CASE("a consultant's shared document is read-only and without personal values") {
    TRYGG_REQUIRE_PG_SERVER(server);
    TestDatabase db(*server);
    TempDir dir;
    prepare(db, dir);
    REQUIRE(db.createLogin("konsult", "k0nsult", sharedRoles(db.url()).consultant) == "");
    auto consultant = openDocument(db.urlAs("konsult", "k0nsult"));
    CHECK(consultant->isShared());
    CHECK(consultant->isReadOnly());
    CHECK(consultant->layer("observationer")->size() == 3);
    CHECK(textIn(*consultant, FeatureId{1}, "rapportor") == "");
    CHECK(textIn(*consultant, FeatureId{1}, "kategori") == "belysning");
    CHECK_FALSE(consultant->isEditable("observationer"));
    const LayerDef& def = consultant->layer("observationer")->definition();
    std::vector<std::optional<Value>> values(def.fields.size());
    values[*def.fieldIndex("beskrivn")] = Value{std::string("ändrad")};
    CHECK_FALSE(consultant->setValues("observationer", {FeatureId{1}}, values));
    CHECK_FALSE(consultant->isModified());
}

TEST_CASE("the database dialog refuses a name libpq could not read and never keeps the password") {
    QSettings().remove(QStringLiteral("database"));
    DatabaseDialog dialog;
    DatabaseLocation typed;
    typed.host = "gis.vannas.se";
    typed.database = "trygg het";
    typed.user = "anna";
    dialog.setLocation(typed);
    dialog.accept();
    CHECK(dialog.result() != QDialog::Accepted);
    CHECK(dialog.connection().empty());
    typed.database = "trygghet";
    dialog.setLocation(typed);
    auto* password = dialog.findChildren<QLineEdit*>().back();
    password->setText(QStringLiteral("hemligt"));
    dialog.accept();
    CHECK(dialog.result() == QDialog::Accepted);
    CHECK(dialog.connection() ==
          "PG:host=gis.vannas.se port=5432 dbname=trygghet user=anna password='hemligt'");
    const QSettings settings;
    CHECK(settings.value(QStringLiteral("database/name")).toString() == QStringLiteral("trygghet"));
    CHECK_FALSE(settings.allKeys().join(QLatin1Char(' ')).contains(QStringLiteral("password")));
    DatabaseDialog again;
    CHECK(again.location().database == "trygghet");
    CHECK(again.location().password.empty());
}
