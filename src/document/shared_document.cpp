// The document of a project shared in a database: saving with version checks, settling
// conflicts with another editor, and taking the ids the database gives new features.

#include "tryggkarta/document/map_document.h"
#include "tryggkarta/io/database_location.h"
#include "tryggkarta/io/project_store.h"

#include <algorithm>

namespace trygg {
namespace {

/// Someone saving the very values we have is no real conflict: the save builds on their
/// version and tries again, a few times (they may keep saving meanwhile).
constexpr int kSaveRounds = 3;

bool sameValues(const FeatureConflict& conflict) {
    return conflict.theirs && !conflict.removedByUs && conflict.fields.empty();
}

} // namespace

void MapDocument::setSharedProject(SharedProject shared, const std::string& url) {
    m_databaseUrl = url;
    m_versions = std::move(shared.versions);
    m_conflicts.clear();
    m_readOnly = shared.readOnly;
    replaceProject(std::move(shared.project), withoutPassword(url), url, false);
}

Result<void> MapDocument::saveShared() {
    if (m_readOnly) {
        emit saveFailed();
        return fail(ErrorCode::WriteFailed,
                    "this login may read the shared project but not save to it",
                    withoutPassword(m_databaseUrl));
    }
    emit aboutToSave();
    m_conflicts.clear();
    if (m_changes.empty()) {
        markSaved();
        return {};
    }
    const Project project = snapshot().toProject();
    Result<void> saved;
    for (int round = 0; round < kSaveRounds; ++round) {
        AssignedIds assigned;
        std::vector<FeatureConflict> found;
        saved = saveSharedChanges(m_databaseUrl, project, m_changes, m_versions, &found, &assigned);
        if (saved) {
            renumber(assigned);
            markSaved();
            return {};
        }
        if (saved.error().code != ErrorCode::Conflict) {
            break;
        }
        for (FeatureConflict& conflict : found) {
            if (sameValues(conflict)) {
                keepOurs(m_versions, conflict);
            } else {
                m_conflicts.push_back(std::move(conflict));
            }
        }
        if (!m_conflicts.empty()) {
            break;
        }
    }
    emit saveFailed(); // the edits stay in memory, on the undo stack and in the recovery copy
    return saved;
}

Result<void> MapDocument::resolveConflict(const FeatureConflict& conflict, bool keepTheirs) {
    if (keepTheirs) {
        const Layer* data = layer(conflict.layer);
        if (data == nullptr) {
            return fail(ErrorCode::NotFound, "no such layer", conflict.layer);
        }
        const Feature* ours = data->find(conflict.id);
        Result<void> applied;
        if (conflict.theirs) {
            FeatureEdit edit;
            edit.layer = conflict.layer;
            edit.changes.push_back(FeatureChange{
                .before = ours != nullptr ? std::optional(*ours) : std::nullopt,
                .after = *conflict.theirs});
            applied = apply(std::move(edit), tr("Ta den andras ändring"));
        } else if (ours != nullptr) {
            applied = removeFeatures(conflict.layer, {conflict.id}); // they deleted it
        }
        if (!applied) {
            return applied;
        }
    }
    // Either way the next save builds on their version: it writes back their values (or
    // nothing, when they deleted it), or ours over theirs.
    keepOurs(m_versions, conflict);
    std::erase_if(m_conflicts, [&](const FeatureConflict& c) {
        return c.layer == conflict.layer && c.id == conflict.id;
    });
    return {};
}

void MapDocument::renumber(const AssignedIds& assigned) {
    if (std::ranges::all_of(assigned, [](const auto& entry) { return entry.second.empty(); })) {
        return;
    }
    for (const auto& [name, ids] : assigned) {
        const auto index = position(name); // photo ids come under the photo table's name
        if (ids.empty() || !index) {
            continue;
        }
        renumberFeatures(writableLayer(*index), ids);
        if (m_selection.layer == name) {
            for (FeatureId& id : m_selection.ids) {
                id = assignedId(assigned, name, id);
            }
            std::ranges::sort(m_selection.ids);
        }
    }
    renumberReferences(m_links, m_photos, assigned);
    // The undo steps name the ids the features and photos had: they cannot be undone now.
    m_undo.clear();
    for (const auto& entry : assigned) {
        if (position(entry.first)) {
            emit featuresChanged(QString::fromStdString(entry.first));
        }
    }
    emit linksChanged();
    emit photosChanged();
    emit selectionChanged();
}

} // namespace trygg

namespace trygg {
namespace {

/// Puts the copy's state of one changed feature in place of the database's.
void takeFeature(Layer& target, const Layer* copy, FeatureId id) {
    target.remove(id);
    if (const Feature* feature = copy != nullptr ? copy->find(id) : nullptr) {
        target.add(*feature);
    }
}

} // namespace

SharedEdits MapDocument::sharedEdits() const {
    SharedEdits edits{m_changes, {}};
    for (const auto& [name, changes] : m_changes.layers) {
        auto known = m_versions.find(name);
        if (known == m_versions.end()) {
            continue;
        }
        for (const auto* ids : {&changes.written, &changes.removed}) {
            for (FeatureId id : *ids) {
                if (auto it = known->second.find(id); it != known->second.end()) {
                    edits.versions[name][id] = it->second;
                }
            }
        }
    }
    return edits;
}

Result<void> MapDocument::setRecoveredSharedProject(SharedProject fresh, const std::string& url,
                                                    const Project& copy,
                                                    const std::filesystem::path& copyFile,
                                                    const SharedEdits& edits) {
    Project& project = fresh.project;
    for (const auto& [name, changes] : edits.changes.layers) {
        Layer* target = project.layer(name);
        if (target == nullptr) {
            continue;
        }
        const Layer* source = copy.layer(name);
        for (const auto* ids : {&changes.written, &changes.removed}) {
            for (FeatureId id : *ids) {
                takeFeature(*target, source, id);
                // The edit builds on the version it was made on; a new feature on none.
                fresh.versions[name].erase(id);
                if (auto base = edits.versions.find(name); base != edits.versions.end()) {
                    if (auto it = base->second.find(id); it != base->second.end()) {
                        fresh.versions[name][id] = it->second;
                    }
                }
            }
        }
    }
    if (edits.changes.linksChanged) {
        project.links = copy.links;
    }
    const auto& photos = edits.changes.photos;
    std::erase_if(project.photos, [&](const Photo& photo) {
        return photos.removed.contains(photo.id) || photos.written.contains(photo.id);
    });
    for (const Photo& photo : copy.photos) {
        if (photos.written.contains(photo.id)) {
            auto bytes = readPhotoData(copyFile, photo.id);
            if (!bytes) {
                return std::unexpected(bytes.error());
            }
            Photo taken = photo;
            taken.data = std::make_shared<const std::string>(std::move(*bytes));
            project.photos.push_back(std::move(taken));
        }
    }
    std::ranges::sort(project.photos, {}, [](const Photo& p) { return toInt(p.id); });
    if (edits.changes.metadataChanged) {
        project.metadata = copy.metadata;
    }
    m_databaseUrl = url;
    m_versions = std::move(fresh.versions);
    m_conflicts.clear();
    m_readOnly = fresh.readOnly;
    replaceProject(std::move(project), withoutPassword(url), url, true);
    m_changes = edits.changes;
    return {};
}

} // namespace trygg
