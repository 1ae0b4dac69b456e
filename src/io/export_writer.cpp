#include "export_writer.h"

#include "ogr_convert.h"

#include <charconv>
#include <cmath>
#include <cstring>

namespace trygg::exporting {
namespace {

constexpr std::uint64_t kProgressEvery = 4096;
/// Split texts noted one by one per field; the rest are counted.
constexpr std::int64_t kSplitNotesPerField = 10;

Result<void> addColumn(OGRLayer& layer, const std::string& name, OGRFieldType type, int width,
                       const std::string& where) {
    OGRFieldDefn defn(name.c_str(), type);
    if (width > 0) {
        defn.SetWidth(width);
    }
    gdal::ErrorCapture errors;
    if (layer.CreateField(&defn, FALSE) != OGRERR_NONE) {
        return fail(ErrorCode::WriteFailed, "cannot create column '" + name + "'", where,
                    errors.last());
    }
    return {};
}

char* putDigits(char* out, int value, int width) {
    for (int i = width - 1; i >= 0; --i) {
        out[i] = static_cast<char>('0' + value % 10);
        value /= 10;
    }
    return out + width;
}

/// toIsoString's text without its two snprintf calls and allocations, which took half the
/// time of setting a feature's values; falls back to it outside the common ranges.
std::size_t formatIso(const Value& value, char* out) {
    const auto* dt = std::get_if<DateTime>(&value);
    const Date& date = dt != nullptr ? dt->date : std::get<Date>(value);
    const double whole = dt != nullptr ? std::floor(dt->second) : 0.0;
    const long millis = dt != nullptr ? std::lround((dt->second - whole) * 1000.0) : 0;
    const int offset = dt != nullptr ? dt->utcOffsetMinutes.value_or(0) : 0;
    const bool usual =
        date.year >= 0 && date.year <= 9999 && date.month >= 1 && date.month <= 12 &&
        date.day >= 1 && date.day <= 31 && millis >= 0 && millis <= 999 && whole >= 0 &&
        whole <= 60 && std::abs(offset) < 100 * 60 &&
        (dt == nullptr || (dt->hour >= 0 && dt->hour <= 23 && dt->minute >= 0 && dt->minute <= 59));
    if (!usual) {
        const std::string text = dt != nullptr ? toIsoString(*dt) : toIsoString(date);
        std::memcpy(out, text.c_str(), text.size() + 1);
        return text.size();
    }
    char* p = putDigits(out, date.year, 4);
    *p++ = '-';
    p = putDigits(p, date.month, 2);
    *p++ = '-';
    p = putDigits(p, date.day, 2);
    if (dt != nullptr) {
        *p++ = 'T';
        p = putDigits(p, dt->hour, 2);
        *p++ = ':';
        p = putDigits(p, dt->minute, 2);
        *p++ = ':';
        p = putDigits(p, static_cast<int>(whole), 2);
        if (millis != 0) {
            *p++ = '.';
            p = putDigits(p, static_cast<int>(millis), 3);
        }
        if (dt->utcOffsetMinutes) {
            if (offset == 0) {
                *p++ = 'Z';
            } else {
                *p++ = offset < 0 ? '-' : '+';
                p = putDigits(p, std::abs(offset) / 60, 2);
                *p++ = ':';
                p = putDigits(p, std::abs(offset) % 60, 2);
            }
        }
    }
    *p = '\0';
    return static_cast<std::size_t>(p - out);
}

} // namespace

Result<void> ExportContext::advance(bool now) {
    if (++done % kProgressEvery == 0 || now) {
        progress.update(done, total);
        if (progress.isCancelled()) {
            return fail(ErrorCode::Cancelled, "export cancelled; nothing was written",
                        options.output.string());
        }
    }
    return {};
}

const PhotoLinks* ExportContext::linksFor(const ExportTable& table) const {
    return photoLinks != nullptr && photoLinks->has(table.source.table) ? photoLinks : nullptr;
}

Result<GeometryProjector> GeometryProjector::create(const Crs& from, const Crs& to) {
    GeometryProjector projector;
    if (from == to) {
        return projector;
    }
    auto transform = CoordinateTransform::create(from, to);
    if (!transform) {
        return std::unexpected(transform.error());
    }
    if (!transform->isIdentity()) {
        projector.m_transform.emplace(std::move(*transform));
    }
    return projector;
}

Result<const Geometry*> GeometryProjector::apply(const Geometry& geometry) {
    if (!m_transform) {
        return &geometry;
    }
    m_scratch = geometry;
    if (auto ok = m_transform->apply(m_scratch); !ok) {
        return std::unexpected(ok.error());
    }
    return &m_scratch;
}

Result<void> createColumns(OGRLayer& layer, const std::vector<FieldColumns>& plan,
                           const std::string& where) {
    if (auto ok = addColumn(layer, std::string(kIdColumn), OFTInteger64, 0, where); !ok) {
        return ok;
    }
    for (const FieldColumns& columns : plan) {
        if (auto ok =
                addColumn(layer, columns.valueName, columns.valueType, columns.valueWidth, where);
            !ok) {
            return ok;
        }
        for (const std::string& piece : columns.pieceNames) {
            if (auto ok =
                    addColumn(layer, piece, OFTString, static_cast<int>(kDbfTextBytes), where);
                !ok) {
                return ok;
            }
        }
        if (!columns.labelName.empty()) {
            if (auto ok = addColumn(layer, columns.labelName, OFTString, columns.labelWidth, where);
                !ok) {
                return ok;
            }
        }
    }
    return {};
}

Result<const PhotoLinks*> addPhotoColumn(OGRLayer& layer, const ExportTable& table,
                                         const ExportContext& context, const ColumnRules& rules,
                                         const std::string& where) {
    const PhotoLinks* links = context.linksFor(table);
    if (links == nullptr) {
        return nullptr;
    }
    if (auto ok = addColumn(layer, std::string(kPhotoColumn), OFTString,
                            static_cast<int>(rules.maxTextBytes), where);
        !ok) {
        return std::unexpected(ok.error());
    }
    return links;
}

FeatureWriter::FeatureWriter(OGRLayer& layer, std::string fileName, std::vector<FieldColumns> plan,
                             const ColumnRules& rules, GeometryProjector& projector)
    : m_layer(layer), m_fileName(std::move(fileName)), m_plan(std::move(plan)), m_rules(rules),
      m_projector(projector), m_feature(OGRFeature::CreateFeature(layer.GetLayerDefn())) {
    // Columns are found by name: some drivers (KML, GPX) start a layer with columns of their
    // own. Where a name is not found, the order createColumns made them in is assumed.
    const OGRFeatureDefn& defn = *layer.GetLayerDefn();
    auto slotOf = [&defn](const std::string& name, int fallback) {
        const int index = defn.GetFieldIndex(name.c_str());
        return index >= 0 ? index : fallback;
    };
    m_idSlot = slotOf(std::string(kIdColumn), 0);
    int next = m_idSlot + 1;
    for (const FieldColumns& columns : m_plan) {
        Slots slots;
        slots.value = slotOf(columns.valueName, next);
        next = slots.value + 1;
        if (!columns.pieceNames.empty()) {
            slots.firstPiece = slotOf(columns.pieceNames[0], next);
            next = slots.firstPiece + static_cast<int>(columns.pieceNames.size());
        }
        if (!columns.labelName.empty()) {
            slots.label = slotOf(columns.labelName, next);
            next = slots.label + 1;
            for (const CodedValue& coded : columns.field->values) {
                slots.labels.emplace_back(coded.code, coded.label.in(m_rules.language));
            }
        }
        m_slots.push_back(std::move(slots));
    }
}

void FeatureWriter::setLabel(const Slots& slots, std::string_view code) {
    for (const auto& [known, label] : slots.labels) {
        if (known == code) {
            m_feature->SetField(slots.label, label.c_str());
            return;
        }
    }
    m_feature->SetFieldNull(slots.label);
}

void FeatureWriter::setText(const FieldColumns& columns, Slots& slots, const std::string& text,
                            FeatureId id) {
    const std::size_t limit = m_rules.maxTextBytes;
    if (limit == 0 || text.size() <= limit) {
        m_feature->SetField(slots.value, text.c_str());
        for (std::size_t i = 0; i < columns.pieceNames.size(); ++i) {
            m_feature->SetFieldNull(slots.firstPiece + static_cast<int>(i));
        }
        return;
    }
    // Longer than a DBF field: cut on character boundaries into the continuation columns
    // (planColumns made as many as the longest text needs).
    std::string_view rest = text;
    std::string names;
    for (int column = 0; column <= static_cast<int>(columns.pieceNames.size()); ++column) {
        const int index = column == 0 ? slots.value : slots.firstPiece + column - 1;
        if (rest.empty()) {
            m_feature->SetFieldNull(index);
            continue;
        }
        const std::size_t cut = utf8Cut(rest, limit);
        m_buffer.assign(rest.substr(0, cut));
        m_feature->SetField(index, m_buffer.c_str());
        rest.remove_prefix(cut);
        names += (column == 0 ? columns.valueName
                              : ", " + columns.pieceNames[static_cast<std::size_t>(column - 1)]);
    }
    if (++slots.splits <= kSplitNotesPerField) {
        m_splitNotes.push_back(m_fileName + ": text of '" + columns.valueName + "' in feature " +
                               std::to_string(toInt(id)) + " split into " + names + " (" +
                               std::to_string(text.size()) + " bytes)");
    }
}

void FeatureWriter::setValue(const FieldColumns& columns, Slots& slots, const Value& value,
                             FeatureId id) {
    if (isNull(value)) {
        m_feature->SetFieldNull(slots.value);
        for (std::size_t i = 0; i < columns.pieceNames.size(); ++i) {
            m_feature->SetFieldNull(slots.firstPiece + static_cast<int>(i));
        }
        if (slots.label >= 0) {
            m_feature->SetFieldNull(slots.label);
        }
        return;
    }
    if (const auto* text = std::get_if<std::string>(&value)) {
        setText(columns, slots, *text, id);
        if (slots.label >= 0) {
            setLabel(slots, *text);
        }
    } else if (const auto* number = std::get_if<std::int64_t>(&value)) {
        m_feature->SetField(slots.value, static_cast<GIntBig>(*number));
        if (slots.label >= 0) {
            char digits[24];
            auto [end, ec] = std::to_chars(digits, digits + sizeof digits, *number);
            setLabel(slots, std::string_view(digits, static_cast<std::size_t>(end - digits)));
        }
    } else if (const auto* real = std::get_if<double>(&value)) {
        m_feature->SetField(slots.value, *real);
    } else if (columns.valueType == OFTString) {
        char iso[64];
        formatIso(value, iso);
        m_feature->SetField(slots.value, iso);
    } else {
        gdal::writeValue(*m_feature, slots.value, value);
    }
}

Result<void> FeatureWriter::setGeometry(const std::optional<Geometry>& geometry, FeatureId id) {
    if (!geometry) {
        m_feature->SetGeometryDirectly(nullptr);
        return {};
    }
    auto projected = m_projector.apply(*geometry);
    if (!projected) {
        Error error = projected.error();
        error.where = m_fileName + ": feature " + std::to_string(toInt(id));
        return std::unexpected(error);
    }
    const Geometry& g = **projected;
    if (const auto* p = std::get_if<Point>(&g); p && !m_pointsAsMulti) {
        // The commonest case by far: move the feature's point instead of allocating one.
        OGRGeometry* current = m_feature->GetGeometryRef();
        if (current != nullptr && current->getGeometryType() == wkbPoint) {
            current->toPoint()->setX(p->x());
            current->toPoint()->setY(p->y());
        } else {
            m_feature->SetGeometryDirectly(new OGRPoint(p->x(), p->y()));
        }
        return {};
    }
    if (const auto* p = std::get_if<Point>(&g)) {
        m_feature->SetGeometryDirectly(gdal::toOgr(Geometry{MultiPoint{*p}}).release());
        return {};
    }
    m_feature->SetGeometryDirectly(gdal::toOgr(g).release());
    return {};
}

void FeatureWriter::linkPhotos(const PhotoLinks& links, std::string table) {
    m_photoLinks = &links;
    m_photoTable = std::move(table);
    m_photoSlot = m_layer.GetLayerDefn()->GetFieldIndex(std::string(kPhotoColumn).c_str());
}

void FeatureWriter::setPhotoLinks(FeatureId id) {
    const std::string* links = m_photoLinks->of(m_photoTable, id);
    if (links == nullptr) {
        m_feature->SetFieldNull(m_photoSlot);
        return;
    }
    bool cut = false;
    m_buffer = fittedLinks(*links, m_rules.maxTextBytes, cut);
    m_feature->SetField(m_photoSlot, m_buffer.c_str());
    if (cut) {
        m_splitNotes.push_back(m_fileName + ": feature " + std::to_string(toInt(id)) +
                               " has more photos than its column '" + std::string(kPhotoColumn) +
                               "' can list; the list of photos (" + std::string(kPhotoList) +
                               ") has them all");
    }
}

Result<void> FeatureWriter::write(const Feature& feature) {
    static const Value null;
    m_feature->SetField(m_idSlot, static_cast<GIntBig>(toInt(feature.id)));
    for (std::size_t i = 0; i < m_plan.size(); ++i) {
        const std::size_t source = m_plan[i].source;
        setValue(m_plan[i], m_slots[i],
                 source < feature.values.size() ? feature.values[source] : null, feature.id);
    }
    if (auto ok = setGeometry(feature.geometry, feature.id); !ok) {
        return ok;
    }
    if (m_photoSlot >= 0) {
        setPhotoLinks(feature.id);
    }
    if (m_decorator) {
        m_decorator(feature, *m_feature);
    }
    m_feature->SetFID(OGRNullFID);
    if (m_layer.CreateFeature(m_feature.get()) != OGRERR_NONE) {
        return fail(ErrorCode::WriteFailed, "cannot write feature (disk full?)",
                    m_fileName + ": feature " + std::to_string(toInt(feature.id)), m_errors.last());
    }
    ++m_written;
    return {};
}

void FeatureWriter::finish(std::vector<std::string>& log) {
    log.insert(log.end(), m_splitNotes.begin(), m_splitNotes.end());
    for (std::size_t i = 0; i < m_plan.size(); ++i) {
        if (m_slots[i].splits > kSplitNotesPerField) {
            log.push_back(
                m_fileName + ": " + std::to_string(m_slots[i].splits - kSplitNotesPerField) +
                " more texts of '" + m_plan[i].valueName + "' split into continuation columns");
        }
    }
    m_splitNotes.clear();
}

Result<void> FeatureWriter::writeAll(std::span<const Feature> features,
                                     ExportContext& context,
                                     const std::function<bool(const Feature&)>& include) {
    for (const Feature& feature : features) {
        if (include && !include(feature)) {
            continue;
        }
        if (auto ok = write(feature); !ok) {
            return ok;
        }
        if (auto ok = context.advance(); !ok) {
            return ok;
        }
    }
    return {};
}

} // namespace trygg::exporting
