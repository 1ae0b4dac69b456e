// MapDocument's mutators: each builds a FeatureEdit from the current data, checks it and
// pushes it onto the undo stack; applyEdit is the one place where data changes.

#include "tryggkarta/document/map_document.h"

#include "edit_command.h"

#include "tryggkarta/core/feature_check.h"
#include "tryggkarta/io/project_store.h"

#include <algorithm>
#include <ranges>
#include <set>

namespace trygg {
namespace {

void insertSorted(std::vector<MeasureLink>& links, const MeasureLink& link) {
    auto at = std::ranges::lower_bound(links, link);
    if (at == links.end() || *at != link) {
        links.insert(at, link);
    }
}

void eraseSorted(std::vector<MeasureLink>& links, const MeasureLink& link) {
    auto at = std::ranges::lower_bound(links, link);
    if (at != links.end() && *at == link) {
        links.erase(at);
    }
}

std::string featureWhere(std::string_view layer, FeatureId id) {
    return std::string(layer) + ": feature " + std::to_string(toInt(id));
}

/// A new photo brings its bytes: the project file does not hold them yet.
Result<void> requireBytes(const Photo& photo) {
    if (!photo.data) {
        return fail(ErrorCode::Usage, "photo without image data", photo.fileName);
    }
    return {};
}

} // namespace

bool Selection::contains(FeatureId id) const {
    return std::ranges::binary_search(ids, id);
}

std::optional<std::size_t> MapDocument::position(std::string_view name) const {
    for (std::size_t i = 0; i < m_layers.size(); ++i) {
        if (m_layers[i].layer->name() == name && !m_layers[i].overlay) {
            return i;
        }
    }
    return std::nullopt;
}

const Layer* MapDocument::layer(std::string_view name) const {
    auto at = position(name);
    return at ? m_layers[*at].layer.get() : nullptr;
}

bool MapDocument::isEditable(std::string_view name) const {
    const Layer* data = layer(name);
    return !m_readOnly && data != nullptr && data->definition().group == kThematicGroup;
}

std::vector<FeatureId> MapDocument::measuresAnswering(FeatureId observation) const {
    std::vector<FeatureId> ids;
    for (const MeasureLink& link : m_links) {
        if (link.observation == observation) {
            ids.push_back(link.measure);
        }
    }
    return ids;
}

std::vector<FeatureId> MapDocument::observationsAnsweredBy(FeatureId measure) const {
    std::vector<FeatureId> ids;
    for (const MeasureLink& link : m_links) {
        if (link.measure == measure) {
            ids.push_back(link.observation);
        }
    }
    return ids;
}

Layer& MapDocument::writableLayer(std::size_t index) {
    auto& entry = m_layers[index];
    if (entry.layer.use_count() > 1) {
        // A render (or another snapshot) still reads this data: it keeps the old version.
        entry.layer = std::make_shared<Layer>(*entry.layer);
    }
    // Every project layer is created as a non-const Layer (see setProject), so this is safe.
    return const_cast<Layer&>(*entry.layer);
}

Result<void> MapDocument::check(FeatureEdit& edit) const {
    if (edit.changes.empty()) {
        return {};
    }
    const Layer* target = layer(edit.layer);
    const bool result = target != nullptr && target->definition().group == kAnalysisGroup;
    if (!isEditable(edit.layer) && !(result && edit.replacesResults)) {
        return fail(ErrorCode::Usage, "this layer cannot be edited", edit.layer);
    }
    const Layer& data = *target;
    for (FeatureChange& change : edit.changes) {
        if (change.before) {
            const Feature* current = data.find(change.before->id);
            if (current == nullptr) {
                return fail(ErrorCode::NotFound, "no such feature",
                            featureWhere(edit.layer, change.before->id));
            }
        }
        if (change.after) {
            if (auto ok = checkFeature(data.definition(), *change.after); !ok) {
                return ok;
            }
        }
    }
    return {};
}

Result<void> MapDocument::apply(FeatureEdit edit, const QString& text) {
    if (edit.empty()) {
        return {};
    }
    if (auto ok = check(edit); !ok) {
        return ok;
    }
    m_undo.push(new EditCommand(*this, std::move(edit), text)); // the stack owns the command
    return {};
}

Result<void> MapDocument::replaceAnalysisResults(
    std::vector<std::pair<std::string, std::vector<Feature>>> layers, const QString& text) {
    std::vector<FeatureEdit> edits;
    for (auto& [name, features] : layers) {
        const Layer* data = layer(name);
        if (data == nullptr || data->definition().group != kAnalysisGroup) {
            return fail(ErrorCode::Usage, "not an analysis result layer", name);
        }
        FeatureEdit edit;
        edit.layer = name;
        edit.replacesResults = true;
        for (const Feature& old : data->features()) {
            edit.changes.push_back({old, std::nullopt});
        }
        for (Feature& feature : features) {
            edit.changes.push_back({std::nullopt, std::move(feature)});
        }
        if (auto ok = check(edit); !ok) {
            return ok;
        }
        edits.push_back(std::move(edit));
    }
    m_undo.beginMacro(text);
    for (FeatureEdit& edit : edits) {
        if (!edit.empty()) {
            m_undo.push(new EditCommand(*this, std::move(edit), text));
        }
    }
    m_undo.endMacro();
    return {};
}

void MapDocument::applyEdit(FeatureEdit& edit, bool forward) {
    std::vector<FeatureId> addedIds; // in the order of edit.changes
    if (!edit.changes.empty()) {
        const auto index = position(edit.layer);
        Q_ASSERT(index.has_value()); // checked before the edit was pushed
        Layer& data = writableLayer(*index);
        FeatureId added = kNoFeatureId;
        // Backwards in reverse order, so that a feature changed twice in one edit comes back.
        auto step = [&](FeatureChange& change) {
            auto& from = forward ? change.before : change.after;
            auto& to = forward ? change.after : change.before;
            if (from && to) {
                data.replace(*to);
                m_changes.markWritten(edit.layer, to->id);
            } else if (to) {
                to->id = data.add(*to); // first time: a fresh id, kept for every redo
                added = to->id;
                addedIds.push_back(added);
                m_lastAdded = added;
                m_changes.markWritten(edit.layer, to->id);
            } else if (from) {
                data.remove(from->id);
                m_changes.markRemoved(edit.layer, from->id);
            }
        };
        if (forward) {
            std::ranges::for_each(edit.changes, step);
        } else {
            std::ranges::for_each(edit.changes | std::views::reverse, step);
        }
        for (MeasureLink& link : edit.linksAdded) {
            if (link.measure == kNoFeatureId && added != kNoFeatureId) {
                link.measure = added;
            }
        }
        if (!m_selection.empty() && m_selection.layer == edit.layer) {
            std::erase_if(m_selection.ids, [&](FeatureId id) { return data.find(id) == nullptr; });
        }
    }
    const bool linksTouched = !edit.linksAdded.empty() || !edit.linksRemoved.empty();
    for (const MeasureLink& link : forward ? edit.linksRemoved : edit.linksAdded) {
        eraseSorted(m_links, link);
    }
    for (const MeasureLink& link : forward ? edit.linksAdded : edit.linksRemoved) {
        insertSorted(m_links, link);
    }
    if (linksTouched) {
        m_changes.linksChanged = true;
    }
    const bool photosTouched = !edit.photosAdded.empty() || !edit.photosRemoved.empty();
    for (const Photo& photo : forward ? edit.photosRemoved : edit.photosAdded) {
        std::erase_if(m_photos, [&](const Photo& p) { return p.id == photo.id; });
        m_changes.markPhotoRemoved(photo.id);
    }
    for (Photo& photo : forward ? edit.photosAdded : edit.photosRemoved) {
        if (photo.id == kNoPhotoId) {
            photo.id = nextPhotoId(m_photos); // first time; kept for every redo
        }
        if (toInt(photo.feature) < 0) {
            // First time: the n-th feature this edit added (see FeatureEdit::photosAdded).
            photo.feature = addedIds.at(static_cast<std::size_t>(-toInt(photo.feature) - 1));
        }
        m_photos.push_back(photo);
        m_changes.markPhotoWritten(photo.id);
    }
    std::ranges::sort(m_photos, {}, [](const Photo& p) { return toInt(p.id); });
    if (!edit.changes.empty()) {
        emit featuresChanged(QString::fromStdString(edit.layer));
    }
    if (linksTouched) {
        emit linksChanged();
    }
    if (photosTouched) {
        emit photosChanged();
    }
}

Result<FeatureId> MapDocument::addFeature(std::string_view layer, Feature feature) {
    feature.id = kNoFeatureId;
    FeatureEdit edit{std::string(layer), {FeatureChange{std::nullopt, std::move(feature)}}, {}, {}, {}, {}};
    const Layer* data = this->layer(layer);
    const QString title = data ? QString::fromStdString(data->definition().title.in("sv")) : QString();
    if (auto ok = apply(std::move(edit), tr("Lägg till i %1").arg(title)); !ok) {
        return std::unexpected(ok.error());
    }
    return m_lastAdded;
}

Result<void> MapDocument::updateFeatures(std::string_view layer, std::vector<Feature> features,
                                         const QString& text) {
    const Layer* data = this->layer(layer);
    if (data == nullptr) {
        return fail(ErrorCode::NotFound, "no such layer", std::string(layer));
    }
    FeatureEdit edit{std::string(layer), {}, {}, {}, {}, {}};
    for (Feature& feature : features) {
        const Feature* current = data->find(feature.id);
        if (current == nullptr) {
            return fail(ErrorCode::NotFound, "no such feature", featureWhere(layer, feature.id));
        }
        edit.changes.push_back(FeatureChange{*current, std::move(feature)});
    }
    return apply(std::move(edit), text);
}

Result<void> MapDocument::setValues(std::string_view layer, const std::vector<FeatureId>& ids,
                                    const std::vector<std::optional<Value>>& values) {
    const Layer* data = this->layer(layer);
    if (data == nullptr) {
        return fail(ErrorCode::NotFound, "no such layer", std::string(layer));
    }
    if (values.size() != data->definition().fields.size()) {
        return fail(ErrorCode::Usage, "one value per field expected", std::string(layer));
    }
    std::vector<Feature> features;
    for (FeatureId id : ids) {
        const Feature* current = data->find(id);
        if (current == nullptr) {
            return fail(ErrorCode::NotFound, "no such feature", featureWhere(layer, id));
        }
        Feature changed = *current;
        bool differs = false;
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (values[i] && changed.values[i] != *values[i]) {
                changed.values[i] = *values[i];
                differs = true;
            }
        }
        if (differs) {
            features.push_back(std::move(changed));
        }
    }
    const QString text = features.size() == 1 ? tr("Ändra egenskaper")
                                              : tr("Ändra egenskaper för %n objekt", nullptr,
                                                   static_cast<int>(features.size()));
    return updateFeatures(layer, std::move(features), text);
}

Result<void> MapDocument::setGeometry(std::string_view layer, FeatureId id, Geometry geometry) {
    const Layer* data = this->layer(layer);
    const Feature* current = data ? data->find(id) : nullptr;
    if (current == nullptr) {
        return fail(ErrorCode::NotFound, "no such feature", featureWhere(layer, id));
    }
    Feature changed = *current;
    changed.geometry = std::move(geometry);
    return updateFeatures(layer, {std::move(changed)}, tr("Ändra form"));
}

Result<void> MapDocument::removeFeatures(std::string_view layer, const std::vector<FeatureId>& ids) {
    const Layer* data = this->layer(layer);
    if (data == nullptr) {
        return fail(ErrorCode::NotFound, "no such layer", std::string(layer));
    }
    FeatureEdit edit{std::string(layer), {}, {}, {}, {}, {}};
    const std::set<FeatureId> removed(ids.begin(), ids.end());
    for (FeatureId id : removed) {
        const Feature* current = data->find(id);
        if (current == nullptr) {
            return fail(ErrorCode::NotFound, "no such feature", featureWhere(layer, id));
        }
        edit.changes.push_back(FeatureChange{*current, std::nullopt});
    }
    // A link to nothing would be an orphan row in atgard_observation.
    for (const MeasureLink& link : m_links) {
        if ((layer == kMeasureLayer && removed.contains(link.measure)) ||
            (layer == kObservationLayer && removed.contains(link.observation))) {
            edit.linksRemoved.push_back(link);
        }
    }
    for (const Photo& photo : m_photos) {
        if (photo.layer == layer && removed.contains(photo.feature)) {
            auto data = photoData(photo.id);
            if (!data) {
                return std::unexpected(data.error()); // never remove what undo could not restore
            }
            Photo kept = photo;
            kept.data = *data;
            edit.photosRemoved.push_back(std::move(kept));
        }
    }
    const QString text = tr("Ta bort %n objekt", nullptr, static_cast<int>(removed.size()));
    return apply(std::move(edit), text);
}

Result<std::size_t> MapDocument::addImported(std::string_view layer, std::vector<Feature> features,
                                             const QString& source) {
    FeatureEdit edit{std::string(layer), {}, {}, {}, {}, {}};
    edit.changes.reserve(features.size());
    for (Feature& feature : features) {
        feature.id = kNoFeatureId;
        edit.changes.push_back(FeatureChange{std::nullopt, std::move(feature)});
    }
    const std::size_t count = edit.changes.size();
    if (auto ok = apply(std::move(edit), tr("Importera %1").arg(source)); !ok) {
        return std::unexpected(ok.error());
    }
    return count;
}

Result<void> MapDocument::linkMeasure(FeatureId measure, const std::vector<FeatureId>& observations) {
    const Layer* measures = layer(kMeasureLayer);
    const Layer* observed = layer(kObservationLayer);
    if (measures == nullptr || measures->find(measure) == nullptr) {
        return fail(ErrorCode::NotFound, "no such measure", featureWhere(kMeasureLayer, measure));
    }
    FeatureEdit edit{std::string(kMeasureLayer), {}, {}, {}, {}, {}};
    for (FeatureId observation : observations) {
        if (observed == nullptr || observed->find(observation) == nullptr) {
            return fail(ErrorCode::NotFound, "no such observation",
                        featureWhere(kObservationLayer, observation));
        }
        const MeasureLink link{measure, observation};
        if (!std::ranges::binary_search(m_links, link)) {
            edit.linksAdded.push_back(link);
        }
    }
    const QString text = tr("Koppla åtgärd till %n observationer", nullptr,
                            static_cast<int>(edit.linksAdded.size()));
    return apply(std::move(edit), text);
}

Result<void> MapDocument::unlinkMeasure(FeatureId measure, const std::vector<FeatureId>& observations) {
    FeatureEdit edit{std::string(kMeasureLayer), {}, {}, {}, {}, {}};
    for (FeatureId observation : observations) {
        const MeasureLink link{measure, observation};
        if (std::ranges::binary_search(m_links, link)) {
            edit.linksRemoved.push_back(link);
        }
    }
    return apply(std::move(edit), tr("Ta bort koppling"));
}

Result<std::shared_ptr<const std::string>> MapDocument::photoData(PhotoId id) const {
    const Photo* photo = findPhoto(m_photos, id);
    if (photo == nullptr) {
        return fail(ErrorCode::NotFound, "no such photo", "photo " + std::to_string(toInt(id)));
    }
    if (photo->data) {
        return photo->data;
    }
    auto read = readPhotoData(m_photoSource, id);
    if (!read) {
        return std::unexpected(read.error());
    }
    return std::make_shared<const std::string>(std::move(*read));
}

Result<std::vector<PhotoId>> MapDocument::addPhotos(std::string_view layer, FeatureId feature,
                                                    std::vector<Photo> photos) {
    const Layer* data = this->layer(layer);
    if (data == nullptr || !isEditable(layer) || data->find(feature) == nullptr) {
        return fail(ErrorCode::NotFound, "no such feature", featureWhere(layer, feature));
    }
    FeatureEdit edit{std::string(layer), {}, {}, {}, {}, {}};
    PhotoId next = nextPhotoId(m_photos);
    std::vector<PhotoId> ids;
    for (Photo& photo : photos) {
        if (auto ok = requireBytes(photo); !ok) {
            return std::unexpected(ok.error());
        }
        photo.layer = std::string(layer);
        photo.feature = feature;
        photo.id = next;
        ids.push_back(next);
        next = PhotoId{toInt(next) + 1};
        edit.photosAdded.push_back(std::move(photo));
    }
    const QString text = tr("Lägg till %n foton", nullptr, static_cast<int>(ids.size()));
    if (auto ok = apply(std::move(edit), text); !ok) {
        return std::unexpected(ok.error());
    }
    return ids;
}

Result<void> MapDocument::removePhoto(PhotoId id) {
    const Photo* photo = findPhoto(m_photos, id);
    if (photo == nullptr) {
        return fail(ErrorCode::NotFound, "no such photo", "photo " + std::to_string(toInt(id)));
    }
    auto data = photoData(id);
    if (!data) {
        return std::unexpected(data.error());
    }
    Photo removed = *photo;
    removed.data = *data;
    FeatureEdit edit{removed.layer, {}, {}, {}, {}, {}};
    edit.photosRemoved.push_back(std::move(removed));
    return apply(std::move(edit), tr("Ta bort foto"));
}

Result<void> MapDocument::addFeaturesWithPhotos(std::string_view layer,
                                               std::vector<FeatureWithPhotos> added,
                                               std::vector<Photo> attached, const QString& text) {
    const Layer* data = this->layer(layer);
    if (data == nullptr || !isEditable(layer)) {
        return fail(ErrorCode::Usage, "this layer cannot be edited", std::string(layer));
    }
    FeatureEdit edit{std::string(layer), {}, {}, {}, {}, {}};
    auto addPhoto = [&](Photo photo, FeatureId feature) -> Result<void> {
        if (auto ok = requireBytes(photo); !ok) {
            return ok;
        }
        photo.id = kNoPhotoId; // assigned when applied
        photo.layer = std::string(layer);
        photo.feature = feature;
        edit.photosAdded.push_back(std::move(photo));
        return {};
    };
    for (FeatureWithPhotos& entry : added) {
        entry.feature.id = kNoFeatureId;
        edit.changes.push_back(FeatureChange{std::nullopt, std::move(entry.feature)});
        const FeatureId placeholder{-static_cast<std::int64_t>(edit.changes.size())};
        for (Photo& photo : entry.photos) {
            if (auto ok = addPhoto(std::move(photo), placeholder); !ok) {
                return ok;
            }
        }
    }
    for (Photo& photo : attached) {
        const FeatureId feature = photo.feature;
        if (data->find(feature) == nullptr) {
            return fail(ErrorCode::NotFound, "no such feature", featureWhere(layer, feature));
        }
        if (auto ok = addPhoto(std::move(photo), feature); !ok) {
            return ok;
        }
    }
    return apply(std::move(edit), text);
}

void MapDocument::select(std::string_view layer, std::vector<FeatureId> ids) {
    std::ranges::sort(ids);
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    if (m_selection.layer == layer && m_selection.ids == ids) {
        return;
    }
    m_selection = Selection{std::string(layer), std::move(ids)};
    emit selectionChanged();
}

void MapDocument::clearSelection() {
    if (m_selection.empty()) {
        return;
    }
    m_selection = Selection{};
    emit selectionChanged();
}

} // namespace trygg
