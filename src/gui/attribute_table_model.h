#pragma once

#include "tryggkarta/core/feature.h"
#include "tryggkarta/core/layer.h"

#include <QAbstractTableModel>
#include <QIcon>
#include <QString>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace trygg {

class MapDocument;

/// One layer of the document as a table: a row per feature in layer order, a column per
/// field. Cells show labels and units in the UI language and edit codes and raw values;
/// every edit goes through the document (one undo step, checked there).
///
/// Holds no copy of the data: each call reads the document's layer, so a million rows cost
/// two numbers per row (the id and a fingerprint of the values, to tell which rows an edit,
/// undo or redo touched without resetting the view).
class AttributeTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    /// The FeatureId of a row, as qint64.
    static constexpr int kFeatureIdRole = Qt::UserRole + 1;

    explicit AttributeTableModel(MapDocument& document, QObject* parent = nullptr);

    /// Shows the layer with this table name; an unknown name shows an empty table.
    void setLayer(const std::string& name);
    [[nodiscard]] const std::string& layerName() const { return m_layerName; }
    /// Picks the labels of fields and value lists ("sv", "en").
    void setLanguage(const std::string& language);
    [[nodiscard]] const std::string& language() const { return m_language; }

    [[nodiscard]] MapDocument& document() const { return m_document; }
    /// The layer's current data, or null. Valid until the document next changes.
    [[nodiscard]] const Layer* layer() const { return m_data; }
    /// The field shown in a column, or null.
    [[nodiscard]] const FieldDef* field(int column) const;
    /// The feature of a row, or null (also briefly while a change is being taken in).
    [[nodiscard]] const Feature* feature(int row) const;
    /// The row of a feature, or nothing when the layer has no such feature.
    [[nodiscard]] std::optional<int> rowOf(FeatureId id) const;
    /// False for the base map and for files added for viewing.
    [[nodiscard]] bool isEditable() const;

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role) const override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex& index) const override;
    /// Sets one value through the document. A refused value leaves the data as it was,
    /// returns false and emits editRefused with the reason in the UI language.
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;

signals:
    void editRefused(const QString& message);

private:
    void onFeaturesChanged(const QString& layer);
    /// Re-reads ids and fingerprints of all rows, inside a model reset.
    void reload();
    [[nodiscard]] QString refusal(const FieldDef& field, const Value& value,
                                  const std::string& reason) const;

    MapDocument& m_document;
    std::string m_layerName;
    /// The document's data of the layer. Its address changes only with an edit of the layer or
    /// a new project, each announced by a signal that refreshes it; kept because sorting asks
    /// for it millions of times.
    const Layer* m_data = nullptr;
    std::string m_language = "sv";
    std::vector<FeatureId> m_ids;            ///< per row, as last shown
    std::vector<std::size_t> m_fingerprints; ///< per row, a hash of the values last shown
    mutable QIcon m_personalIcon;            ///< drawn when first asked for, within the application
};

} // namespace trygg
