#pragma once

#include "tryggkarta/core/feature.h"
#include "tryggkarta/core/filter.h"

#include <QCollator>
#include <QSortFilterProxyModel>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace trygg {

class AttributeTableModel;

/// Sorts and filters the attribute table. Sorting reads the stored values, not the shown
/// text: numbers numerically (coded scales such as feeling 0–3 too), dates chronologically,
/// coded texts by their label in the UI language, texts as the language collates them
/// (å, ä, ö last in Swedish); empty cells first.
/// Filtering keeps the rows that match a Filter and, optionally, only given features.
class AttributeTableProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit AttributeTableProxy(AttributeTableModel& table, QObject* parent = nullptr);

    [[nodiscard]] AttributeTableModel& table() const { return m_table; }

    /// Keeps only the rows the filter matches; the default filter keeps all. A filter belongs
    /// to the layer it was parsed for: set a new one when the table shows another layer.
    void setFilter(Filter filter);
    [[nodiscard]] const Filter& filter() const { return m_filter; }
    /// Keeps only these features (any order), or every feature when nothing is given.
    void setOnly(std::optional<std::vector<FeatureId>> ids);
    [[nodiscard]] bool isRestricted() const { return m_only.has_value(); }

    /// Re-reads the order of value-list labels after the UI language changed.
    void updateLanguage();

    /// The feature shown in a proxy row.
    [[nodiscard]] FeatureId featureAt(int proxyRow) const;

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow,
                                        const QModelIndex& sourceParent) const override;
    [[nodiscard]] bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    /// What a row sorts by in the sort column, made once per row: a sort compares each row
    /// many times, and a few bytes in one array are much quicker to reach than the feature.
    struct SortKey {
        enum class Kind : std::uint8_t { Unmade, Null, Number, Text, Other };
        Kind kind = Kind::Unmade;
        double number = 0.0;                  ///< numbers, instants, ranks of labels
        std::optional<QCollatorSortKey> text; ///< texts, as the language collates them
    };
    /// Each code of a coded text field with its position when the labels are sorted. Value
    /// lists are short: a scan is as quick as a hash and copies no string.
    using LabelRanks = std::vector<std::pair<std::string, int>>;

    [[nodiscard]] const SortKey& sortKey(int row, int column) const;
    [[nodiscard]] const LabelRanks* ranksFor(int column) const;
    [[nodiscard]] static std::optional<int> rankOf(const LabelRanks& ranks, const Value& value);
    /// The full comparison, for what keys do not cover: unknown codes, mixed kinds of value.
    [[nodiscard]] bool valueLess(int leftRow, int rightRow, int column) const;
    void forgetSortKeys() const; ///< caches only, hence const

    AttributeTableModel& m_table;
    Filter m_filter;
    std::optional<std::vector<FeatureId>> m_only; ///< sorted
    QCollator m_collator;
    /// Per column, made when first sorted by it; emptied when layer or language change.
    mutable std::vector<std::optional<LabelRanks>> m_ranks;
    mutable std::vector<SortKey> m_keys; ///< per source row, for the column m_keysColumn
    mutable int m_keysColumn = -1;
};

} // namespace trygg
