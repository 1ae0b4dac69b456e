#include "position_readout.h"

#include <QHBoxLayout>
#include <QLineEdit>
#include <QLocale>

#include <cmath>

namespace trygg {
namespace {

std::optional<CoordinateTransform> transformTo(const Crs& from, int epsg) {
    auto t = CoordinateTransform::create(from, Crs::fromEpsg(epsg));
    return t ? std::optional<CoordinateTransform>(std::move(*t)) : std::nullopt;
}

QString metres(double value) { return QString::number(value, 'f', 0); }

} // namespace

QString formatScale(double denominator) {
    double rounded = denominator >= 100 ? std::round(denominator / 10.0) * 10.0 : std::round(denominator);
    QString digits = QString::number(static_cast<qlonglong>(rounded));
    for (auto i = digits.size() - 3; i > 0; i -= 3) {
        digits.insert(i, QChar(0x2009)); // thin space, as Swedish writes thousands
    }
    return QStringLiteral("1:") + digits;
}

std::optional<double> parseScale(const QString& text) {
    QString cleaned = text;
    cleaned.remove(QChar(' ')).remove(QChar(0x2009)).remove(QChar(0x00a0));
    if (cleaned.startsWith(QStringLiteral("1:"))) {
        cleaned = cleaned.mid(2);
    }
    bool ok = false;
    double value = cleaned.toDouble(&ok);
    if (!ok || !(value >= 50.0 && value <= 5.0e6)) {
        return std::nullopt;
    }
    return value;
}

PositionReadout::PositionReadout(QWidget* parent) : QWidget(parent) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_tm = new QLabel(this);
    m_local = new QLabel(this);
    m_wgs84 = new QLabel(this);
    m_scaleLabel = new QLabel(this);
    m_scale = new QComboBox(this);
    m_scale->setEditable(true);
    m_scale->setInsertPolicy(QComboBox::NoInsert);
    m_scale->setMinimumContentsLength(10);
    for (double d : {500.0, 1000.0, 2000.0, 5000.0, 10000.0, 25000.0, 50000.0}) {
        m_scale->addItem(formatScale(d), d);
    }
    for (QLabel* label : {m_tm, m_local, m_wgs84}) {
        label->setMinimumWidth(190);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        layout->addWidget(label);
    }
    layout->addWidget(m_scaleLabel);
    layout->addWidget(m_scale);
    connect(m_scale->lineEdit(), &QLineEdit::returnPressed, this, &PositionReadout::applyTypedScale);
    connect(m_scale, &QComboBox::activated, this, [this](int index) {
        emit scaleRequested(m_scale->itemData(index).toDouble());
    });
    setMapCrs(Crs::fromEpsg(crs::kSweref99Tm));
    m_tm->setText(QStringLiteral("SWEREF 99 TM  –"));
    m_local->setText(QStringLiteral("20 15  –"));
    m_wgs84->setText(QStringLiteral("WGS 84  –"));
    retranslate();
}

void PositionReadout::retranslate() {
    m_scaleLabel->setText(tr("Skala"));
    m_scale->setToolTip(tr("Skriv en skala, t.ex. 1:2000, och tryck Enter"));
    m_tm->setToolTip(tr("SWEREF 99 TM (EPSG:3006), nationellt"));
    m_local->setToolTip(tr("SWEREF 99 20 15 (EPSG:3016), lokal zon för Vännäs"));
    m_wgs84->setToolTip(tr("WGS 84, latitud och longitud (GPS)"));
}

void PositionReadout::setMapCrs(const Crs& crs) {
    m_mapCrs = crs;
    m_toTm = transformTo(crs, crs::kSweref99Tm);
    m_toLocal = transformTo(crs, crs::kSweref992015);
    m_toWgs84 = transformTo(crs, crs::kWgs84);
}

void PositionReadout::showPosition(const Point& mapPosition) {
    auto show = [&](QLabel* label, const std::optional<CoordinateTransform>& t, const QString& name) {
        auto p = t ? t->apply(mapPosition) : Result<Point>(fail(ErrorCode::CrsUnknown, ""));
        label->setText(p ? QStringLiteral("%1  N %2  E %3").arg(name, metres(p->y()), metres(p->x()))
                         : name + QStringLiteral("  –"));
    };
    show(m_tm, m_toTm, QStringLiteral("SWEREF 99 TM"));
    show(m_local, m_toLocal, QStringLiteral("20 15"));
    auto wgs = m_toWgs84 ? m_toWgs84->apply(mapPosition) : Result<Point>(fail(ErrorCode::CrsUnknown, ""));
    m_wgs84->setText(wgs ? QStringLiteral("WGS 84  %1° N  %2° E")
                               .arg(QString::number(wgs->y(), 'f', 5), QString::number(wgs->x(), 'f', 5))
                         : QStringLiteral("WGS 84  –"));
}

void PositionReadout::showScale(const ViewTransform& view) {
    if (!m_scale->lineEdit()->hasFocus()) {
        m_scale->setEditText(formatScale(view.scaleDenominator()));
    }
}

QString PositionReadout::positionText() const {
    return m_tm->text() + " | " + m_local->text() + " | " + m_wgs84->text();
}

void PositionReadout::applyTypedScale() {
    if (auto scale = parseScale(m_scale->currentText())) {
        emit scaleRequested(*scale);
    }
}

} // namespace trygg
