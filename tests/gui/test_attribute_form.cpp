#include <catch2/catch.hpp>

#include "attribute_dialog.h"
#include "attribute_form.h"
#include "field_editors.h"

#include "tryggkarta/io/layer_definitions.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCalendarWidget>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QWheelEvent>

using namespace trygg;

namespace {

const LayerDef& layerDef(const std::string& table) {
    static const LayerCatalog catalog = *loadLayerCatalog(TRYGG_SOURCE_LAYERS_DIR);
    const LayerDef* def = catalog.find(table);
    REQUIRE(def != nullptr);
    return *def;
}

std::size_t indexOf(const LayerDef& def, std::string_view field) {
    auto index = def.fieldIndex(field);
    REQUIRE(index);
    return *index;
}

template <typename W> W* widgetOf(const AttributeForm& form, std::size_t index) {
    auto* widget = form.editor(index)->findChild<W*>();
    REQUIRE(widget != nullptr);
    return widget;
}

/// A valid observation: the required fields filled.
std::vector<Value> observation(const LayerDef& def, const std::string& category) {
    std::vector<Value> record(def.fields.size());
    record[indexOf(def, "kategori")] = category;
    record[indexOf(def, "polaritet")] = std::string("otrygg");
    record[indexOf(def, "kalla")] = std::string("trygghetsvandring");
    return record;
}

/// Picks an entry from a drop-down the way a user does: open it, tap the entry.
void pickFromList(QComboBox* combo, const QString& text) {
    int row = combo->findText(text);
    REQUIRE(row >= 0);
    combo->showPopup();
    QAbstractItemView* view = combo->view();
    QRect rect = view->visualRect(view->model()->index(row, 0));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
}

bool hasProblemOn(const std::vector<FieldProblem>& problems, std::size_t index) {
    return std::ranges::any_of(problems, [&](const FieldProblem& p) { return p.index == index; });
}

/// Types text key by key, å, ä and ö included (QTest::keyClicks knows ASCII only).
void typeInto(QWidget* widget, const QString& text) {
    widget->setFocus();
    for (QChar c : text) {
        QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
    }
}

} // namespace

TEST_CASE("a category chosen from the drop-down is stored as its code, not its label",
          "[attribute_form]") {
    const LayerDef& def = layerDef("observationer");
    AttributeForm form(def, "sv");
    form.show();
    const std::size_t kategori = indexOf(def, "kategori");
    QSignalSpy modified(&form, &AttributeForm::modified);
    auto* combo = widgetOf<QComboBox>(form, kategori);
    CHECK(combo->findText(QStringLiteral("Gömställen")) >= 0); // labels, not codes
    CHECK(combo->findText(QStringLiteral("gomstallen")) < 0);
    pickFromList(combo, QStringLiteral("Gömställen"));
    CHECK(combo->currentText() == QStringLiteral("Gömställen"));
    REQUIRE(form.editedValues()[kategori]);
    CHECK(*form.editedValues()[kategori] == Value(std::string("gomstallen")));
    CHECK(form.values()[kategori] == Value(std::string("gomstallen")));
    CHECK(modified.size() == 1);
    CHECK(form.isModified());

    pickFromList(combo, QStringLiteral("Belysning"));
    CHECK(form.values()[kategori] == Value(std::string("belysning")));
}

TEST_CASE("the feeling scale is a row of buttons giving the number; tapping again clears",
          "[attribute_form]") {
    const LayerDef& def = layerDef("observationer");
    AttributeForm form(def, "sv");
    form.show();
    const std::size_t kansla = indexOf(def, "kansla");
    auto* two = form.findChild<QPushButton*>(QStringLiteral("kansla_2"));
    REQUIRE(two != nullptr);
    CHECK(two->text().contains(QStringLiteral("Acceptabel")));
    CHECK(two->height() >= 40);
    QTest::mouseClick(two, Qt::LeftButton);
    CHECK(form.values()[kansla] == Value(std::int64_t{2}));
    auto* three = form.findChild<QPushButton*>(QStringLiteral("kansla_3"));
    QTest::mouseClick(three, Qt::LeftButton);
    CHECK(form.values()[kansla] == Value(std::int64_t{3}));
    CHECK_FALSE(two->isChecked());
    QTest::mouseClick(three, Qt::LeftButton); // not required: the choice can be taken back
    CHECK(isNull(form.values()[kansla]));
}

TEST_CASE("numbers accept a Swedish decimal comma and are checked against the range",
          "[attribute_form]") {
    const LayerDef& def = layerDef("belysning");
    AttributeForm form(def, "sv");
    form.show();
    const std::size_t hojd = indexOf(def, "hojd_m");
    auto* edit = widgetOf<QLineEdit>(form, hojd);
    typeInto(edit, QStringLiteral("12,5"));
    CHECK(form.values()[hojd] == Value(12.5));
    edit->clear();
    typeInto(edit, QStringLiteral("7.25"));
    CHECK(form.values()[hojd] == Value(7.25));
    typeInto(edit, QStringLiteral("abc")); // the validator refuses letters
    CHECK(edit->text() == QStringLiteral("7.25"));

    edit->clear();
    typeInto(edit, QStringLiteral("31"));
    auto problems = form.validate();
    REQUIRE(hasProblemOn(problems, hojd));
    auto it =
        std::ranges::find_if(problems, [&](const FieldProblem& p) { return p.index == hojd; });
    CHECK(it->message == QStringLiteral("Högsta tillåtna värde är 30"));

    CHECK(parseNumber(QStringLiteral("12 500,75"), FieldType::Real) == Value(12500.75));
    CHECK(parseNumber(QStringLiteral("-3"), FieldType::Integer) == Value(std::int64_t{-3}));
    CHECK_FALSE(parseNumber(QStringLiteral("1,5"), FieldType::Integer));
    CHECK_FALSE(parseNumber(QStringLiteral("-"), FieldType::Real));
    CHECK(formatNumber(12.5, "sv") == QStringLiteral("12,5"));
    CHECK(formatNumber(12.5, "en") == QStringLiteral("12.5"));
}

TEST_CASE("required fields left empty are problems, shown under the field, first one focused",
          "[attribute_form]") {
    const LayerDef& def = layerDef("observationer");
    AttributeForm form(def, "sv");
    form.show();
    QApplication::setActiveWindow(&form);
    REQUIRE(QTest::qWaitForWindowActive(&form));
    auto problems = form.validate();
    const std::size_t kategori = indexOf(def, "kategori");
    const std::size_t kalla = indexOf(def, "kalla");
    REQUIRE(problems.size() == 3); // kategori, polaritet, kalla
    CHECK(problems.front().index == kategori);
    CHECK(problems.front().message == QStringLiteral("Fältet måste fyllas i"));
    CHECK(hasProblemOn(problems, kalla));
    CHECK(form.editor(kategori)->focusTarget()->hasFocus());
    auto shown = form.editor(kategori)->parentWidget()->findChildren<QLabel*>();
    CHECK(std::ranges::any_of(shown, [](QLabel* l) {
        return l->isVisible() && l->text() == QStringLiteral("Fältet måste fyllas i");
    }));

    form.setRecords({observation(def, "belysning")});
    CHECK(form.validate().empty());
}

TEST_CASE("a stored value outside the rules is shown and reported, not hidden",
          "[attribute_form]") {
    const LayerDef& def = layerDef("observationer");
    AttributeForm form(def, "sv");
    const std::size_t kansla = indexOf(def, "kansla");
    auto record = observation(def, "belysning");
    record[kansla] = std::int64_t{4};
    form.setRecords({record});
    auto problems = form.validate();
    REQUIRE(problems.size() == 1);
    CHECK(problems.front().index == kansla);
    CHECK(problems.front().message == QStringLiteral("Värdet 4 finns inte i värdelistan"));
    CHECK(form.values()[kansla] == Value(std::int64_t{4})); // untouched: kept as stored

    record[kansla] = std::int64_t{1};
    record[indexOf(def, "kategori")] = std::string("ufo");
    form.setRecords({record});
    auto* combo = widgetOf<QComboBox>(form, indexOf(def, "kategori"));
    CHECK(combo->currentText().startsWith(QStringLiteral("ufo")));
    REQUIRE(form.validate().size() == 1);
    CHECK(form.values()[indexOf(def, "kategori")] == Value(std::string("ufo")));
}

TEST_CASE("several features edited together: differing fields stay untouched unless edited",
          "[attribute_form]") {
    const LayerDef& def = layerDef("observationer");
    AttributeForm form(def, "sv");
    form.show();
    const std::size_t kategori = indexOf(def, "kategori");
    const std::size_t polaritet = indexOf(def, "polaritet");
    const std::size_t kansla = indexOf(def, "kansla");
    form.setRecords({observation(def, "belysning"), observation(def, "klotter")});
    CHECK(form.recordCount() == 2);
    auto* combo = widgetOf<QComboBox>(form, kategori);
    CHECK(combo->currentIndex() == -1);
    CHECK(combo->placeholderText() == QStringLiteral("(flera värden)"));
    CHECK(widgetOf<QComboBox>(form, polaritet)->currentText() == QStringLiteral("Otrygg"));
    CHECK(form.validate().empty());
    CHECK_FALSE(form.isModified());

    QTest::mouseClick(form.findChild<QPushButton*>(QStringLiteral("kansla_1")), Qt::LeftButton);
    auto edited = form.editedValues();
    CHECK_FALSE(edited[kategori]);
    CHECK_FALSE(edited[polaritet]);
    REQUIRE(edited[kansla]);
    CHECK(*edited[kansla] == Value(std::int64_t{1}));
    CHECK(form.isModified());

    pickFromList(combo, QStringLiteral("Trafik"));
    edited = form.editedValues();
    REQUIRE(edited[kategori]);
    CHECK(*edited[kategori] == Value(std::string("trafik")));
}

TEST_CASE("the English form shows English labels and value lists", "[attribute_form]") {
    const LayerDef& def = layerDef("observationer");
    AttributeForm form(def, "en");
    auto labels = form.findChildren<QLabel*>();
    CHECK(std::ranges::any_of(labels, [](QLabel* l) { return l->text().startsWith("Category"); }));
    CHECK(std::ranges::none_of(labels, [](QLabel* l) { return l->text().startsWith("Kategori"); }));
    auto* combo = widgetOf<QComboBox>(form, indexOf(def, "kategori"));
    CHECK(combo->findText(QStringLiteral("Lighting")) >= 0);
    CHECK(form.findChild<QPushButton*>(QStringLiteral("kansla_0"))->text().contains("Frightening"));
}

TEST_CASE("dates can be set and emptied; a time keeps its UTC offset", "[attribute_form]") {
    const LayerDef& def = layerDef("observationer");
    AttributeForm form(def, "sv");
    form.show();
    const std::size_t tidpunkt = indexOf(def, "tidpunkt");
    auto record = observation(def, "belysning");
    record[tidpunkt] = *parseDateTime("2024-10-05T21:30:00+02:00");
    form.setRecords({record});
    auto* edit = widgetOf<QDateTimeEdit>(form, tidpunkt);
    CHECK(edit->calendarPopup());
    CHECK(edit->text() == QStringLiteral("2024-10-05 21:30"));
    edit->setDateTime(edit->dateTime().addSecs(3600)); // as the user's up-arrow would
    auto changed = std::get<DateTime>(form.values()[tidpunkt]);
    CHECK(toIsoString(changed) == "2024-10-05T22:30:00+02:00");

    const LayerDef& measures = layerDef("atgarder");
    AttributeForm measureForm(measures, "sv");
    measureForm.show();
    const std::size_t deadline = indexOf(measures, "deadline");
    CHECK(isNull(measureForm.values()[deadline]));
    auto* dateEdit = widgetOf<QDateTimeEdit>(measureForm, deadline);
    CHECK(dateEdit->text() == QStringLiteral("—"));
    // The calendar of an empty field opens on this month, and opening it sets nothing.
    QTest::mouseClick(dateEdit, Qt::LeftButton, {},
                      QPoint(dateEdit->width() - 8, dateEdit->height() / 2));
    QCalendarWidget* calendar = dateEdit->calendarWidget();
    REQUIRE(calendar->isVisible());
    CHECK(calendar->yearShown() == QDate::currentDate().year());
    CHECK(calendar->monthShown() == QDate::currentDate().month());
    calendar->window()->close();
    CHECK(isNull(measureForm.values()[deadline]));
    CHECK_FALSE(measureForm.isModified());
    auto buttons = measureForm.editor(deadline)->findChildren<QAbstractButton*>();
    auto today = std::ranges::find_if(buttons, [](auto* b) { return b->text() == "Idag"; });
    auto clear = std::ranges::find_if(buttons, [](auto* b) { return b->text() == "✕"; });
    REQUIRE(today != buttons.end());
    REQUIRE(clear != buttons.end());
    CHECK((*clear)->height() >= 40);
    QTest::mouseClick(*today, Qt::LeftButton);
    QDate now = QDate::currentDate();
    CHECK(measureForm.values()[deadline] == Value(Date{now.year(), now.month(), now.day()}));
    QTest::mouseClick(*clear, Qt::LeftButton);
    CHECK(isNull(measureForm.values()[deadline]));
    CHECK(measureForm.editedValues()[deadline] == std::optional<Value>(Value{}));
}

TEST_CASE("long text counts characters against the limit; Esc keeps it, Ctrl+Enter submits",
          "[attribute_form]") {
    const LayerDef& def = layerDef("observationer");
    AttributeForm form(def, "sv");
    form.show();
    form.setRecords({observation(def, "belysning")});
    const std::size_t beskrivn = indexOf(def, "beskrivn");
    auto* text = widgetOf<QPlainTextEdit>(form, beskrivn);
    typeInto(text, QStringLiteral("Mörkt vid tunneln"));
    auto labels = form.editor(beskrivn)->findChildren<QLabel*>();
    CHECK(std::ranges::any_of(labels, [](QLabel* l) { return l->text() == "17 av 1000 tecken"; }));
    QTest::keyClick(text, Qt::Key_Escape);
    CHECK(form.values()[beskrivn] == Value(std::string("Mörkt vid tunneln")));

    QSignalSpy submit(&form, &AttributeForm::submitRequested);
    QTest::keyClick(text, Qt::Key_Return, Qt::ControlModifier);
    CHECK(submit.size() == 1);
    CHECK(text->toPlainText() == QStringLiteral("Mörkt vid tunneln"));      // no line break added
    CHECK(widgetOf<QLineEdit>(form, indexOf(def, "rapportor")) != nullptr); // max 100: one line
}

TEST_CASE("the dialog saves only valid input and never discards edits without asking",
          "[attribute_form]") {
    const LayerDef& def = layerDef("observationer");
    AttributeDialog dialog(def, "sv", {observation(def, "belysning"), observation(def, "sikt")});
    CHECK(dialog.windowTitle() == QStringLiteral("Observationer – 2 objekt"));
    dialog.show();
    QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("kansla_2")), Qt::LeftButton);
    REQUIRE(dialog.form()->isModified());

    auto answer = [](const QString& buttonText) {
        QTimer::singleShot(0, [buttonText] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            REQUIRE(box != nullptr);
            CHECK(box->text() == QStringLiteral("Kasta ändringarna?"));
            for (auto* button : box->buttons()) {
                if (button->text() == buttonText) {
                    button->click();
                }
            }
        });
    };
    answer(QStringLiteral("Fortsätt redigera"));
    QTest::keyClick(&dialog, Qt::Key_Escape);
    CHECK(dialog.isVisible());
    CHECK(dialog.form()->editedValues()[indexOf(def, "kansla")] ==
          std::optional<Value>(std::int64_t{2}));

    answer(QStringLiteral("Kasta ändringarna"));
    dialog.reject();
    CHECK_FALSE(dialog.isVisible());
    CHECK(dialog.result() == QDialog::Rejected);

    AttributeDialog empty(def, "sv", {});
    CHECK(empty.windowTitle() == QStringLiteral("Observationer"));
    empty.show();
    empty.accept(); // required fields are empty
    CHECK(empty.isVisible());
    empty.form()->setRecords({observation(def, "folkliv")});
    empty.accept();
    CHECK_FALSE(empty.isVisible());
    CHECK(empty.result() == QDialog::Accepted);
}

TEST_CASE("the wheel scrolls the form instead of changing the drop-down under the pointer",
          "[attribute_form]") {
    const LayerDef& def = layerDef("observationer");
    AttributeForm form(def, "sv");
    form.setRecords({observation(def, "belysning")});
    form.resize(600, 400);
    form.show();
    auto* combo = widgetOf<QComboBox>(form, indexOf(def, "polaritet"));
    auto* bar = form.findChild<QScrollArea*>()->verticalScrollBar();
    REQUIRE(bar->value() == 0);
    QPointF at(10, 10);
    QWheelEvent wheel(at, combo->mapToGlobal(at), QPoint(), QPoint(0, -120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(combo, &wheel);
    CHECK(combo->currentText() == QStringLiteral("Otrygg"));
    CHECK_FALSE(form.isModified());
    CHECK(bar->value() > 0);
}
