#include "tryggkarta/io/duplicates.h"

#include "tryggkarta/core/spatial_index.h"

#include <algorithm>
#include <cassert>
#include <unordered_map>

namespace trygg {
namespace {

/// Points of a geometry, to measure how far its outline strays from another geometry.
std::vector<Point> vertices(const Geometry& geometry) {
    std::vector<Point> points;
    std::visit(
        [&](const auto& g) { bg::for_each_point(g, [&](const Point& p) { points.push_back(p); }); },
        geometry);
    return points;
}

double distanceTo(const Point& point, const Geometry& geometry) {
    return std::visit([&](const auto& g) { return static_cast<double>(bg::distance(point, g)); },
                      geometry);
}

/// Points: their distance. Otherwise the largest distance from a vertex of one to the other
/// (a discrete Hausdorff distance against the whole geometry, so that a line with extra
/// vertices on the same course still counts as the same line).
double separation(const Geometry& a, const Geometry& b) {
    if (const auto* pa = std::get_if<Point>(&a)) {
        if (const auto* pb = std::get_if<Point>(&b)) {
            return bg::distance(*pa, *pb);
        }
    }
    double largest = 0.0;
    for (const Point& p : vertices(a)) {
        largest = std::max(largest, distanceTo(p, b));
    }
    for (const Point& p : vertices(b)) {
        largest = std::max(largest, distanceTo(p, a));
    }
    return largest;
}

Box grown(const Box& box, double radius) {
    return Box{Point{box.min_corner().x() - radius, box.min_corner().y() - radius},
               Point{box.max_corner().x() + radius, box.max_corner().y() + radius}};
}

/// Cuts UTF-8 text to at most `limit` characters, marking the cut with "…".
std::string cutToLength(const std::string& text, std::size_t limit) {
    std::size_t characters = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool lead = (static_cast<unsigned char>(text[i]) & 0xC0U) != 0x80U;
        if (lead && ++characters == limit) {
            return text.substr(0, i) + "…";
        }
    }
    return text;
}

/// Where an incoming feature ends up after the choices: added, merged into an existing
/// feature, merged into an incoming one that is added, or dropped.
struct Destination {
    enum class Kind { Added, Existing, Incoming, Dropped } kind = Kind::Added;
    FeatureId existing = kNoFeatureId;
    std::size_t incoming = 0;
};

} // namespace

const FieldDef* categoryField(const LayerDef& layer) {
    const FieldDef* field = layer.field("kategori");
    return field != nullptr && field->isCoded() ? field : nullptr;
}

const FieldDef* freeTextField(const LayerDef& layer) {
    const FieldDef* longest = nullptr;
    for (const FieldDef& field : layer.fields) {
        if (field.type == FieldType::Text && !field.isCoded() && !field.personal &&
            (longest == nullptr || field.maxLength.value_or(0) > longest->maxLength.value_or(0))) {
            longest = &field;
        }
    }
    return longest;
}

Result<std::vector<DuplicateMatch>> findDuplicates(const LayerDef& layer,
                                                   const std::vector<Feature>& existing,
                                                   const std::vector<Feature>& incoming,
                                                   double radius, Progress& progress) {
    const FieldDef* category = categoryField(layer);
    const std::size_t categoryIndex = category ? *layer.fieldIndex(category->name) : 0;
    auto sameCategory = [&](const Feature& a, const Feature& b) {
        return category == nullptr || a.values.at(categoryIndex) == b.values.at(categoryIndex);
    };
    std::vector<SpatialIndex::Entry> entries;
    std::unordered_map<FeatureId, const Feature*> byId;
    for (const Feature& feature : existing) {
        if (feature.geometry) {
            entries.emplace_back(envelope(*feature.geometry), feature.id);
            byId.emplace(feature.id, &feature);
        }
    }
    const SpatialIndex existingIndex(std::move(entries));
    SpatialIndex incomingIndex; // ids are positions + 1: earlier incoming features
    std::vector<DuplicateMatch> matches;
    progress.setStage("duplicates");
    for (std::size_t i = 0; i < incoming.size(); ++i) {
        if (i % 4096 == 0) {
            progress.update(i, incoming.size());
            if (progress.isCancelled()) {
                return fail(ErrorCode::Cancelled, "the search for duplicates was cancelled");
            }
        }
        const Feature& feature = incoming[i];
        if (!feature.geometry) {
            continue;
        }
        const Box box = envelope(*feature.geometry);
        std::optional<DuplicateMatch> best;
        auto consider = [&](const Feature& other, FeatureId id,
                            std::optional<std::size_t> earlier) {
            if (!sameCategory(feature, other)) {
                return;
            }
            const double distance = separation(*feature.geometry, *other.geometry);
            // An existing feature beats an earlier incoming one: merging there is what the
            // planner wants to see.
            const bool better =
                !best || (best->earlier && !earlier) ||
                (best->earlier.has_value() == earlier.has_value() && distance < best->distance);
            if (distance <= radius && better) {
                best = DuplicateMatch{i, id, earlier, distance};
            }
        };
        existingIndex.visit(grown(box, radius),
                            [&](FeatureId id) { consider(*byId.at(id), id, std::nullopt); });
        incomingIndex.visit(grown(box, radius), [&](FeatureId id) {
            const auto j = static_cast<std::size_t>(toInt(id) - 1);
            consider(incoming[j], kNoFeatureId, j);
        });
        if (best) {
            matches.push_back(*best);
        }
        incomingIndex.insert(box, FeatureId{static_cast<std::int64_t>(i + 1)});
    }
    progress.update(incoming.size(), incoming.size());
    return matches;
}

Feature mergeFeatures(const LayerDef& layer, const Feature& existing, const Feature& incoming) {
    Feature merged = existing;
    const FieldDef* text = freeTextField(layer);
    for (std::size_t i = 0; i < layer.fields.size() && i < incoming.values.size(); ++i) {
        Value& value = merged.values.at(i);
        const Value& addition = incoming.values[i];
        if (isNull(value)) {
            value = addition;
        } else if (&layer.fields[i] == text && !isNull(addition)) {
            const auto& mine = std::get<std::string>(value);
            const auto& theirs = std::get<std::string>(addition);
            if (mine.find(theirs) == std::string::npos) {
                const std::string joined = mine + "\n" + theirs;
                value = text->maxLength
                            ? cutToLength(joined, static_cast<std::size_t>(*text->maxLength))
                            : joined;
            }
        }
    }
    return merged;
}

DuplicateResolution resolveDuplicates(const LayerDef& layer, const std::vector<Feature>& existing,
                                      std::vector<Feature> incoming,
                                      const std::vector<DuplicateMatch>& matches,
                                      const std::vector<DuplicateAction>& actions) {
    std::vector<Destination> destinations(incoming.size());
    std::unordered_map<FeatureId, Feature> updated;
    std::vector<FeatureId> updateOrder;
    DuplicateResolution result;
    auto mergeIntoExisting = [&](FeatureId id, const Feature& feature) {
        auto it = updated.find(id);
        if (it == updated.end()) {
            auto found = std::ranges::find(existing, id, &Feature::id);
            assert(found != existing.end() && "matches come from findDuplicates on `existing`");
            result.before.push_back(*found);
            it = updated.emplace(id, *found).first;
            updateOrder.push_back(id);
        }
        it->second = mergeFeatures(layer, it->second, feature);
    };
    for (std::size_t m = 0; m < matches.size(); ++m) {
        const DuplicateMatch& match = matches[m];
        const DuplicateAction action = m < actions.size() ? actions[m] : DuplicateAction::Keep;
        Destination& destination = destinations[match.incoming];
        if (action == DuplicateAction::Keep) {
            continue;
        }
        if (action == DuplicateAction::Skip) {
            destination.kind = Destination::Kind::Dropped;
            ++result.skipped;
            continue;
        }
        destination = Destination{Destination::Kind::Existing, match.existing, 0};
        if (match.earlier) {
            // Follow the earlier feature to where it went (matches come in incoming order).
            const Destination& earlier = destinations[*match.earlier];
            destination =
                earlier.kind == Destination::Kind::Added
                    ? Destination{Destination::Kind::Incoming, kNoFeatureId, *match.earlier}
                    : earlier;
        }
        if (destination.kind == Destination::Kind::Existing) {
            mergeIntoExisting(destination.existing, incoming[match.incoming]);
        } else if (destination.kind == Destination::Kind::Incoming) {
            incoming[destination.incoming] =
                mergeFeatures(layer, incoming[destination.incoming], incoming[match.incoming]);
        }
        // Merging into a row that is left out leaves this one out too.
        ++(destination.kind == Destination::Kind::Dropped ? result.skipped : result.merged);
    }
    for (std::size_t i = 0; i < incoming.size(); ++i) {
        if (destinations[i].kind == Destination::Kind::Added) {
            result.added.push_back(std::move(incoming[i]));
        }
    }
    for (FeatureId id : updateOrder) {
        result.updated.push_back(std::move(updated.at(id)));
    }
    return result;
}

} // namespace trygg
