#include "attribute_table_model.h"

#include "attribute_table_values.h"
#include "field_editors.h"
#include "tryggkarta/document/map_document.h"

#include <QIcon>
#include <QPainter>
#include <QPixmap>

namespace trygg {
namespace {

/// A small padlock: marks columns that hold personal data, in any language.
QIcon personalDataIcon() {
    QPixmap pixmap(14, 14);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const QColor colour(0x8a, 0x4b, 0x08);
    painter.setPen(QPen(colour, 1.6));
    painter.setBrush(Qt::NoBrush);
    painter.drawArc(QRectF(3.5, 1.0, 7.0, 9.0), 0, 180 * 16);
    painter.drawLine(QPointF(3.5, 5.5), QPointF(3.5, 7.0));
    painter.drawLine(QPointF(10.5, 5.5), QPointF(10.5, 7.0));
    painter.setPen(Qt::NoPen);
    painter.setBrush(colour);
    painter.drawRoundedRect(QRectF(2.0, 6.5, 10.0, 7.0), 1.5, 1.5);
    return QIcon(pixmap);
}

} // namespace

AttributeTableModel::AttributeTableModel(MapDocument& document, QObject* parent)
    : QAbstractTableModel(parent), m_document(document) {
    connect(&m_document, &MapDocument::featuresChanged, this,
            &AttributeTableModel::onFeaturesChanged);
    connect(&m_document, &MapDocument::projectReplaced, this, [this] {
        beginResetModel();
        reload();
        endResetModel();
    });
    connect(&m_document, &MapDocument::layersChanged, this,
            [this] { m_data = m_document.layer(m_layerName); });
}

void AttributeTableModel::setLayer(const std::string& name) {
    beginResetModel();
    m_layerName = name;
    reload();
    endResetModel();
}

void AttributeTableModel::setLanguage(const std::string& language) {
    if (language == m_language) {
        return;
    }
    // Every label changes: a reset, which a sorted proxy takes in far quicker than a
    // dataChanged over a million rows.
    beginResetModel();
    m_language = language;
    reload();
    endResetModel();
}

const FieldDef* AttributeTableModel::field(int column) const {
    const Layer* data = layer();
    if (data == nullptr || column < 0 ||
        static_cast<std::size_t>(column) >= data->definition().fields.size()) {
        return nullptr;
    }
    return &data->definition().fields[static_cast<std::size_t>(column)];
}

const Feature* AttributeTableModel::feature(int row) const {
    const Layer* data = layer();
    // Rows follow the ids last taken in; between a change and its signal they may not match.
    if (data == nullptr || row < 0 || static_cast<std::size_t>(row) >= data->size() ||
        static_cast<std::size_t>(row) >= m_ids.size()) {
        return nullptr;
    }
    const Feature& found = data->features()[static_cast<std::size_t>(row)];
    return found.id == m_ids[static_cast<std::size_t>(row)] ? &found : nullptr;
}

std::optional<int> AttributeTableModel::rowOf(FeatureId id) const {
    const Layer* data = layer();
    const Feature* found = data != nullptr ? data->find(id) : nullptr;
    if (found == nullptr) {
        return std::nullopt;
    }
    // Features live in one vector in layer order: the position is the row.
    const auto row = static_cast<std::size_t>(found - data->features().data());
    if (row >= m_ids.size() || m_ids[row] != id) {
        return std::nullopt;
    }
    return static_cast<int>(row);
}

bool AttributeTableModel::isEditable() const {
    return m_document.isEditable(m_layerName);
}

int AttributeTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_ids.size());
}

int AttributeTableModel::columnCount(const QModelIndex& parent) const {
    const Layer* data = layer();
    return parent.isValid() || data == nullptr ? 0
                                               : static_cast<int>(data->definition().fields.size());
}

QVariant AttributeTableModel::data(const QModelIndex& index, int role) const {
    const Feature* row = feature(index.row());
    const FieldDef* column = field(index.column());
    if (row == nullptr || column == nullptr) {
        return {};
    }
    const auto at = static_cast<std::size_t>(index.column());
    static const Value null;
    const Value& value = at < row->values.size() ? row->values[at] : null;
    switch (role) {
    case Qt::DisplayRole:
        return cellText(*column, value, m_language);
    case Qt::EditRole:
        return cellEditValue(*column, value);
    case Qt::ToolTipRole:
        // Long descriptions are cut off in the cell; the tooltip shows them whole.
        if (const auto* text = std::get_if<std::string>(&value);
            text != nullptr && !column->isCoded()) {
            return QString::fromStdString(*text);
        }
        return {};
    case Qt::TextAlignmentRole: {
        const bool number = !column->isCoded() &&
                            (column->type == FieldType::Integer || column->type == FieldType::Real);
        return (Qt::AlignVCenter | (number ? Qt::AlignRight : Qt::AlignLeft)).toInt();
    }
    case kFeatureIdRole:
        return QVariant::fromValue(static_cast<qint64>(toInt(row->id)));
    default:
        return {};
    }
}

QVariant AttributeTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Vertical) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    const FieldDef* column = field(section);
    if (column == nullptr) {
        return {};
    }
    switch (role) {
    case Qt::DisplayRole:
        return QString::fromStdString(column->label.in(m_language));
    case Qt::ToolTipRole: {
        QString tip = QString::fromStdString(column->description.in(m_language));
        if (column->personal) {
            tip += (tip.isEmpty() ? QString() : QStringLiteral("\n")) +
                   tr("Personuppgift: tas inte med i export till konsulter eller publika kartor.");
        }
        return tip;
    }
    case Qt::DecorationRole:
        if (!column->personal) {
            return {};
        }
        if (m_personalIcon.isNull()) {
            m_personalIcon = personalDataIcon();
        }
        return m_personalIcon;
    default:
        return {};
    }
}

Qt::ItemFlags AttributeTableModel::flags(const QModelIndex& index) const {
    Qt::ItemFlags flags = QAbstractTableModel::flags(index) | Qt::ItemNeverHasChildren;
    if (index.isValid() && isEditable()) {
        flags |= Qt::ItemIsEditable;
    }
    return flags;
}

bool AttributeTableModel::setData(const QModelIndex& index, const QVariant& input, int role) {
    const Feature* row = feature(index.row());
    const FieldDef* column = field(index.column());
    if (role != Qt::EditRole || row == nullptr || column == nullptr) {
        return false;
    }
    if (!isEditable()) {
        emit editRefused(tr("Lagret kan inte redigeras"));
        return false;
    }
    auto value = valueFromCell(*column, input);
    if (!value) {
        emit editRefused(
            tr("%1: %2 kan inte läsas som ett värde i fältet")
                .arg(QString::fromStdString(column->label.in(m_language)), input.toString()));
        return false;
    }
    const Layer* data = layer();
    std::vector<std::optional<Value>> values(data->definition().fields.size());
    values[static_cast<std::size_t>(index.column())] = *value;
    const FeatureId id = row->id;
    if (auto ok = m_document.setValues(m_layerName, {id}, values); !ok) {
        const bool thisField = ok.error().where.ends_with("field '" + column->name + "'");
        emit editRefused(thisField ? refusal(*column, *value, ok.error().message)
                                   : tr("Ändringen sparades inte: %1")
                                         .arg(QString::fromStdString(ok.error().describe())));
        return false;
    }
    return true;
}

QString AttributeTableModel::refusal(const FieldDef& field, const Value& value,
                                     const std::string& reason) const {
    // The document explains in English; the same rules, said in the UI language.
    const QString name = QString::fromStdString(field.label.in(m_language));
    if (isNull(value)) {
        return tr("%1: fältet måste fyllas i").arg(name);
    }
    if (field.isCoded() && field.findCode(codeOf(value)) == nullptr) {
        return tr("%1: värdet %2 finns inte i värdelistan")
            .arg(name, QString::fromStdString(toDisplayString(value)));
    }
    const auto* whole = std::get_if<std::int64_t>(&value);
    const auto* real = std::get_if<double>(&value);
    if (whole != nullptr || real != nullptr) {
        const double number = real != nullptr ? *real : static_cast<double>(*whole);
        if (field.min && number < *field.min) {
            return tr("%1: lägsta tillåtna värde är %2")
                .arg(name, formatNumber(*field.min, m_language));
        }
        if (field.max && number > *field.max) {
            return tr("%1: högsta tillåtna värde är %2")
                .arg(name, formatNumber(*field.max, m_language));
        }
    }
    if (field.maxLength && std::holds_alternative<std::string>(value)) {
        return tr("%1: högst %2 tecken får plats").arg(name).arg(*field.maxLength);
    }
    return tr("%1: ogiltigt värde (%2)").arg(name, QString::fromStdString(reason));
}

void AttributeTableModel::onFeaturesChanged(const QString& layerName) {
    m_data = m_document.layer(m_layerName); // this layer's data may have been copied to be changed
    if (layerName.toStdString() != m_layerName) {
        return;
    }
    const Layer* data = m_data;
    const bool sameRows =
        data != nullptr && data->size() == m_ids.size() &&
        std::equal(m_ids.begin(), m_ids.end(), data->features().begin(),
                   [](FeatureId id, const Feature& feature) { return id == feature.id; });
    if (!sameRows) {
        // Added or removed features: a reset is simplest, and the panel restores the view.
        beginResetModel();
        reload();
        endResetModel();
        return;
    }
    // Same rows: tell the views exactly which rows changed, so an edit or an undo keeps the
    // view's scroll position, current cell and open editors, and the proxy re-sorts one row.
    const int lastColumn = columnCount() - 1;
    std::size_t row = 0;
    while (row < m_ids.size()) {
        const std::size_t print = valuesFingerprint(data->features()[row].values);
        if (print == m_fingerprints[row]) {
            ++row;
            continue;
        }
        const std::size_t first = row;
        m_fingerprints[row] = print;
        while (++row < m_ids.size()) {
            const std::size_t next = valuesFingerprint(data->features()[row].values);
            if (next == m_fingerprints[row]) {
                break;
            }
            m_fingerprints[row] = next;
        }
        emit dataChanged(index(static_cast<int>(first), 0),
                         index(static_cast<int>(row - 1), lastColumn));
    }
}

void AttributeTableModel::reload() {
    m_ids.clear();
    m_fingerprints.clear();
    m_data = m_document.layer(m_layerName);
    const Layer* data = m_data;
    if (data == nullptr) {
        return;
    }
    m_ids.reserve(data->size());
    m_fingerprints.reserve(data->size());
    for (const Feature& feature : data->features()) {
        m_ids.push_back(feature.id);
        m_fingerprints.push_back(valuesFingerprint(feature.values));
    }
}

} // namespace trygg
