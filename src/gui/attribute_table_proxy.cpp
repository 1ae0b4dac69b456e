#include "attribute_table_proxy.h"

#include "attribute_table_model.h"
#include "attribute_table_values.h"

#include <algorithm>
#include <numeric>

namespace trygg {
namespace {

QLocale localeFor(const std::string& language) {
    return language == "en" ? QLocale(QLocale::English, QLocale::UnitedKingdom)
                            : QLocale(QLocale::Swedish, QLocale::Sweden);
}

} // namespace

AttributeTableProxy::AttributeTableProxy(AttributeTableModel& table, QObject* parent)
    : QSortFilterProxyModel(parent), m_table(table) {
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
    m_collator.setNumericMode(true); // "Stolpe 9" before "Stolpe 10"
    m_collator.setLocale(localeFor(m_table.language()));
    // Before setSourceModel, so that stale keys are gone before the proxy re-sorts.
    connect(&m_table, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        m_ranks.clear();
        forgetSortKeys();
    });
    connect(&m_table, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex& topLeft, const QModelIndex& bottomRight) {
                const auto last =
                    std::min(static_cast<std::size_t>(bottomRight.row()) + 1, m_keys.size());
                for (auto row = static_cast<std::size_t>(topLeft.row()); row < last; ++row) {
                    m_keys[row] = SortKey{};
                }
            });
    setSourceModel(&m_table);
}

void AttributeTableProxy::setFilter(Filter filter) {
    m_filter = std::move(filter);
    // A full re-map is one layout change; invalidateRowsFilter would announce each run of
    // removed rows apart, which a view takes in one by one (minutes for a million rows).
    invalidate();
}

void AttributeTableProxy::setOnly(std::optional<std::vector<FeatureId>> ids) {
    if (ids) {
        std::ranges::sort(*ids);
    }
    m_only = std::move(ids);
    invalidate();
}

void AttributeTableProxy::updateLanguage() {
    m_ranks.clear();
    forgetSortKeys();
    m_collator.setLocale(localeFor(m_table.language()));
    invalidate();
}

void AttributeTableProxy::forgetSortKeys() const {
    m_keys.clear();
    m_keys.shrink_to_fit(); // keys of a million texts are worth giving back
    m_keysColumn = -1;
}

FeatureId AttributeTableProxy::featureAt(int proxyRow) const {
    const QModelIndex source = mapToSource(index(proxyRow, 0));
    const Feature* feature = source.isValid() ? m_table.feature(source.row()) : nullptr;
    return feature != nullptr ? feature->id : kNoFeatureId;
}

bool AttributeTableProxy::filterAcceptsRow(int sourceRow, const QModelIndex&) const {
    const Feature* feature = m_table.feature(sourceRow);
    if (feature == nullptr) {
        return false;
    }
    if (m_only && !std::ranges::binary_search(*m_only, feature->id)) {
        return false;
    }
    return m_filter.matchesEverything() || m_filter.matches(*feature);
}

const AttributeTableProxy::LabelRanks* AttributeTableProxy::ranksFor(int column) const {
    const auto at = static_cast<std::size_t>(column);
    if (at >= m_ranks.size()) {
        m_ranks.resize(at + 1);
    }
    if (!m_ranks[at]) {
        LabelRanks& ranks = m_ranks[at].emplace();
        const FieldDef* field = m_table.field(column);
        // A coded number is a scale (feeling 0–3): its order is the numbers', not the labels'.
        if (field != nullptr && field->isCoded() && field->type != FieldType::Integer) {
            const std::string& language = m_table.language();
            std::vector<std::size_t> order(field->values.size());
            std::iota(order.begin(), order.end(), std::size_t{0});
            std::ranges::stable_sort(order, [&](std::size_t a, std::size_t b) {
                return m_collator.compare(
                           QString::fromStdString(field->values[a].label.in(language)),
                           QString::fromStdString(field->values[b].label.in(language))) < 0;
            });
            for (std::size_t rank = 0; rank < order.size(); ++rank) {
                ranks.emplace_back(field->values[order[rank]].code, static_cast<int>(rank));
            }
        }
    }
    return m_ranks[at]->empty() ? nullptr : &*m_ranks[at];
}

std::optional<int> AttributeTableProxy::rankOf(const LabelRanks& ranks, const Value& value) {
    if (const auto* code = std::get_if<std::string>(&value)) {
        for (const auto& [known, rank] : ranks) {
            if (known == *code) {
                return rank;
            }
        }
    }
    return std::nullopt;
}

const AttributeTableProxy::SortKey& AttributeTableProxy::sortKey(int row, int column) const {
    if (column != m_keysColumn) {
        forgetSortKeys(); // one column's keys at a time: they cost memory per row
        m_keysColumn = column;
    }
    m_keys.resize(static_cast<std::size_t>(m_table.rowCount()));
    SortKey& key = m_keys[static_cast<std::size_t>(row)];
    if (key.kind != SortKey::Kind::Unmade) {
        return key;
    }
    const Feature* feature = m_table.feature(row);
    const auto at = static_cast<std::size_t>(column);
    const Value* value =
        feature != nullptr && at < feature->values.size() ? &feature->values[at] : nullptr;
    key.kind = SortKey::Kind::Other;
    if (value == nullptr || isNull(*value)) {
        key.kind = SortKey::Kind::Null;
    } else if (const LabelRanks* ranks = ranksFor(column)) {
        if (auto rank = rankOf(*ranks, *value)) {
            key = SortKey{SortKey::Kind::Number, static_cast<double>(*rank), std::nullopt};
        }
    } else if (const auto* text = std::get_if<std::string>(value)) {
        key.kind = SortKey::Kind::Text;
        key.text.emplace(m_collator.sortKey(QString::fromStdString(*text)));
    } else if (auto number = sortNumber(*value)) {
        key = SortKey{SortKey::Kind::Number, *number, std::nullopt};
    }
    return key;
}

bool AttributeTableProxy::lessThan(const QModelIndex& left, const QModelIndex& right) const {
    using Kind = SortKey::Kind;
    const SortKey& x = sortKey(left.row(), left.column());
    const SortKey& y = sortKey(right.row(), right.column());
    if (x.kind == Kind::Null || y.kind == Kind::Null) {
        return x.kind == Kind::Null && y.kind != Kind::Null;
    }
    if (x.kind == Kind::Number && y.kind == Kind::Number) {
        return x.number < y.number;
    }
    if (x.kind == Kind::Text && y.kind == Kind::Text) {
        return x.text->compare(*y.text) < 0;
    }
    return valueLess(left.row(), right.row(), left.column());
}

bool AttributeTableProxy::valueLess(int leftRow, int rightRow, int column) const {
    const auto at = static_cast<std::size_t>(column);
    const Value& x = m_table.feature(leftRow)->values[at]; // both exist: their keys are not Null
    const Value& y = m_table.feature(rightRow)->values[at];
    if (const LabelRanks* ranks = ranksFor(column)) {
        // Unknown codes (from imported data) after the known ones, among themselves by code.
        const auto rx = rankOf(*ranks, x);
        const auto ry = rankOf(*ranks, y);
        if (rx || ry) {
            return rx && (!ry || *rx < *ry);
        }
        return codeOf(x) < codeOf(y);
    }
    return compareValues(x, y) < 0;
}

} // namespace trygg
