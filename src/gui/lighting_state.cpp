#include "lighting_state.h"

#include "tools/vertex_edit.h"
#include "tryggkarta/document/map_document.h"

#include <algorithm>
#include <boost/geometry/algorithms/for_each.hpp>
#include <cmath>
#include <set>
#include <utility>

namespace trygg {
namespace {

constexpr std::string_view kInventoryLayer = "belysning";
/// Closer than this (metres) a measure's new shape counts as its old one moved as a whole.
constexpr double kTranslationTolerance = 1e-6;

std::vector<Point> pointsOf(const Geometry& geometry) {
    std::vector<Point> out;
    std::visit(
        [&](const auto& g) { bg::for_each_point(g, [&](const Point& p) { out.push_back(p); }); },
        geometry);
    return out;
}

bool sameGeometry(const std::optional<Geometry>& a, const std::optional<Geometry>& b) {
    if (!a || !b) {
        return !a && !b;
    }
    if (a->index() != b->index()) {
        return false;
    }
    const std::vector<Point> pa = pointsOf(*a);
    const std::vector<Point> pb = pointsOf(*b);
    return std::ranges::equal(
        pa, pb, [](const Point& p, const Point& q) { return p.x() == q.x() && p.y() == q.y(); });
}

bool sameFeature(const std::optional<Feature>& a, const std::optional<Feature>& b) {
    if (!a || !b) {
        return !a && !b;
    }
    return a->id == b->id && a->values == b->values && sameGeometry(a->geometry, b->geometry);
}

/// The shift that takes `from` to `to` when `to` is `from` moved as a whole.
std::optional<Point> translation(const Geometry& from, const Geometry& to) {
    const std::vector<Point> a = pointsOf(from);
    const std::vector<Point> b = pointsOf(to);
    if (from.index() != to.index() || a.size() != b.size() || a.empty()) {
        return std::nullopt;
    }
    const double dx = b[0].x() - a[0].x();
    const double dy = b[0].y() - a[0].y();
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::abs(a[i].x() + dx - b[i].x()) > kTranslationTolerance ||
            std::abs(a[i].y() + dy - b[i].y()) > kTranslationTolerance) {
            return std::nullopt;
        }
    }
    return Point(dx, dy);
}

std::string textOf(const Layer& layer, const Feature& feature, std::string_view field) {
    const auto index = layer.definition().fieldIndex(field);
    if (!index || *index >= feature.values.size()) {
        return {};
    }
    const auto* text = std::get_if<std::string>(&feature.values[*index]);
    return text ? *text : std::string();
}

/// A measure that proposes lamps, as projectLuminaires reads it.
bool proposesLamps(const Layer& layer, const Feature& feature) {
    const std::string status = textOf(layer, feature, "status");
    return textOf(layer, feature, "typ") == "ny_belysning" && status != "avford" &&
           status != "klar" && feature.geometry.has_value();
}

/// What of a measure decides its lamps (see projectLuminaires): its shape, type and status;
/// nothing for a measure that proposes none, so that edits of other measures change nothing.
std::optional<Feature> measureView(const Layer& layer, const Feature& feature) {
    if (!proposesLamps(layer, feature)) {
        return std::nullopt;
    }
    Feature view;
    view.id = feature.id;
    view.geometry = feature.geometry;
    view.values.resize(feature.values.size());
    for (std::string_view field : {"typ", "status"}) {
        if (const auto index = layer.definition().fieldIndex(field);
            index && *index < feature.values.size()) {
            view.values[*index] = feature.values[*index];
        }
    }
    return view;
}

Luminaire withPlace(const Luminaire& luminaire, const Point& position, bool on) {
    LuminaireSpec spec = luminaire.spec();
    spec.position = position;
    spec.on = on;
    return *makeLuminaire(std::move(spec)); // valid: only the place and the switch changed
}

} // namespace

bool LampChanges::any() const {
    return !isEmpty(samples[0]) || !isEmpty(samples[1]);
}

Result<std::unique_ptr<LightingState>>
LightingState::compute(const ProjectSnapshot& snapshot, LightingClassTable table,
                       const LuminaireOptions& options, bool withPlanned, Progress& progress) {
    Project project = snapshot.toProject();
    LightingOptions lighting; // the CLI's defaults, so that both give the same numbers
    auto run =
        runLightingAnalysis(project, std::move(table), options, lighting, withPlanned, progress);
    if (!run) {
        return std::unexpected(run.error());
    }
    auto state = std::make_unique<LightingState>(std::move(*run), std::move(project), options);
    progress.setStage("lux raster");
    if (auto grid = state->computeGrid(withPlanned, progress); !grid) {
        return std::unexpected(grid.error());
    }
    return state;
}

LightingState::LightingState(LightingRun run, Project project, LuminaireOptions options)
    : m_run(std::move(run)), m_project(std::move(project)), m_options(std::move(options)),
      m_currentIndex(lightingIndex(m_run.model, false)) {
    if (m_run.planned) {
        m_plannedIndex.emplace(lightingIndex(m_run.model, true));
    }
    track(m_project);
}

void LightingState::track(const Project& project) {
    const ProjectLuminaires& found = m_run.model.luminaires;
    for (std::size_t i = 0; i < found.origins.size(); ++i) {
        const bool measure = found.origins[i].layer == kMeasureLayer;
        Source& source = (measure ? m_measures : m_inventory)[found.origins[i].feature];
        source.lamps.push_back(i);
        if (measure) {
            source.runPositions.push_back(found.luminaires[i].position());
        }
    }
    if (const Layer* lamps = project.layer(kInventoryLayer)) {
        for (const Feature& feature : lamps->features()) {
            Source& source = m_inventory[feature.id];
            source.atRun = feature;
            source.applied = feature;
        }
    }
    if (const Layer* measures = project.layer(kMeasureLayer)) {
        for (const Feature& feature : measures->features()) {
            Source& source = m_measures[feature.id];
            source.atRun = measureView(*measures, feature);
            source.applied = source.atRun;
        }
    }
}

Box LightingState::gridArea() const {
    Box area = emptyBox();
    for (const NetworkLine& line : m_run.model.network.lines) {
        expand(area, envelope(Geometry(line.line)));
    }
    if (isEmpty(area)) {
        return area;
    }
    return Box(Point(area.min_corner().x() - kGridMargin, area.min_corner().y() - kGridMargin),
               Point(area.max_corner().x() + kGridMargin, area.max_corner().y() + kGridMargin));
}

double LightingState::gridCellSize() const {
    const Box area = gridArea();
    if (isEmpty(area)) {
        return 1.0;
    }
    const double width = area.max_corner().x() - area.min_corner().x();
    const double height = area.max_corner().y() - area.min_corner().y();
    auto cells = [&](double cell) { return std::ceil(width / cell) * std::ceil(height / cell); };
    double cell = std::max(1.0, std::ceil(std::sqrt(width * height / kMaxGridCells) * 10.0) / 10.0);
    while (cells(cell) > kMaxGridCells) {
        cell += 0.1;
    }
    return cell;
}

Result<void> LightingState::computeGrid(bool planned, Progress& progress) {
    const Box area = gridArea();
    if (isEmpty(area)) {
        m_grid = IlluminanceGrid{};
        m_gridPlanned = planned;
        return {};
    }
    auto grid = illuminanceGrid(area, gridCellSize(), index(planned),
                                m_run.model.options.maintenanceFactor, progress);
    if (!grid) {
        return std::unexpected(grid.error());
    }
    m_grid = std::move(*grid);
    m_gridPlanned = planned;
    return {};
}

LampChanges LightingState::syncLayer(const Layer& layer) {
    LampChanges changes;
    const bool inventory = layer.name() == kInventoryLayer;
    if (!inventory && layer.name() != kMeasureLayer) {
        return changes;
    }
    std::map<FeatureId, Source>& sources = inventory ? m_inventory : m_measures;
    std::set<FeatureId> present;
    for (const Feature& feature : layer.features()) {
        present.insert(feature.id);
        Source& source = sources[feature.id];
        if (inventory) {
            if (!sameFeature(source.applied, feature)) {
                applyInventory(source, feature, changes);
            }
        } else {
            applyMeasure(layer, source, feature, changes);
        }
    }
    for (auto& [id, source] : sources) {
        if (!present.contains(id) && source.applied) {
            switchOff(source, changes);
            source.applied.reset();
            source.unplaceable = false;
        }
    }
    return changes;
}

LampChanges LightingState::previewMove(const Layer& layer, const std::vector<FeatureId>& ids,
                                       double dx, double dy) {
    LampChanges changes;
    const bool inventory = layer.name() == kInventoryLayer;
    if (!inventory && layer.name() != kMeasureLayer) {
        return changes;
    }
    for (FeatureId id : ids) {
        const Feature* feature = layer.find(id);
        if (feature == nullptr || !feature->geometry) {
            continue;
        }
        Feature moved = *feature;
        moved.geometry = translated(*feature->geometry, dx, dy);
        Source& source = (inventory ? m_inventory : m_measures)[id];
        if (inventory) {
            if (!sameFeature(source.applied, moved)) {
                applyInventory(source, moved, changes);
            }
        } else {
            applyMeasure(layer, source, moved, changes);
        }
    }
    return changes;
}

void LightingState::applyInventory(Source& source, const Feature& feature, LampChanges& changes) {
    source.applied = feature;
    LuminaireOptions options = m_options;
    options.includePlanned = false;
    auto current = inventoryLuminaire(m_project, feature, m_run.model.network, options);
    if (!current) {
        switchOff(source, changes); // left out, as a new run would
        return;
    }
    Luminaire planned = *current;
    if (m_plannedIndex) {
        options.includePlanned = true;
        if (auto on = inventoryLuminaire(m_project, feature, m_run.model.network, options)) {
            planned = std::move(*on);
        }
    }
    if (source.lamps.empty()) {
        source.lamps.push_back(addLamp(*current, planned, changes));
    } else {
        setLamp(source.lamps.front(), *current, planned, changes);
    }
}

void LightingState::applyMeasure(const Layer& layer, Source& source, const Feature& feature,
                                 LampChanges& changes) {
    std::optional<Feature> view = measureView(layer, feature);
    if (sameFeature(source.applied, view)) {
        return;
    }
    source.applied = std::move(view);
    source.unplaceable = false;
    if (!source.applied) {
        switchOff(source, changes);
        return;
    }
    const std::optional<Point> shift =
        source.lamps.empty() || !source.atRun || !source.atRun->geometry
            ? std::nullopt
            : translation(*source.atRun->geometry, *feature.geometry);
    if (!shift) {
        // New lamps, or lamps along a reshaped line: only a new run can place them.
        source.unplaceable = true;
        return;
    }
    for (std::size_t k = 0; k < source.lamps.size(); ++k) {
        const std::size_t lamp = source.lamps[k];
        const Point at(source.runPositions[k].x() + shift->x(),
                       source.runPositions[k].y() + shift->y());
        const Luminaire& now = m_currentIndex.luminaires()[lamp];
        setLamp(lamp, withPlace(now, at, false), withPlace(now, at, true), changes);
    }
}

void LightingState::switchOff(const Source& source, LampChanges& changes) {
    for (std::size_t lamp : source.lamps) {
        const Luminaire& now = m_currentIndex.luminaires()[lamp];
        const Luminaire off = withPlace(now, now.position(), false);
        setLamp(lamp, off, off, changes);
    }
}

void LightingState::setLamp(std::size_t lamp, const Luminaire& current, const Luminaire& planned,
                            LampChanges& changes) {
    auto put = [&](LuminaireIndex& index, std::size_t scenario, const Luminaire& luminaire) {
        Box horizontal = index.reachBox(lamp, IlluminancePlane::Horizontal);
        Box vertical = index.reachBox(lamp, IlluminancePlane::Vertical);
        index.replace(lamp, luminaire);
        expand(horizontal, index.reachBox(lamp, IlluminancePlane::Horizontal));
        expand(vertical, index.reachBox(lamp, IlluminancePlane::Vertical));
        expand(changes.horizontal[scenario], horizontal);
        expand(changes.samples[scenario], horizontal);
        expand(changes.samples[scenario], vertical);
    };
    put(m_currentIndex, 0, current);
    if (m_plannedIndex) {
        put(*m_plannedIndex, 1, planned);
    }
}

std::size_t LightingState::addLamp(const Luminaire& current, const Luminaire& planned,
                                   LampChanges& changes) {
    auto add = [&](LuminaireIndex& index, std::size_t scenario, const Luminaire& luminaire) {
        const std::size_t lamp = index.add(luminaire);
        const Box horizontal = index.reachBox(lamp, IlluminancePlane::Horizontal);
        expand(changes.horizontal[scenario], horizontal);
        expand(changes.samples[scenario], horizontal);
        expand(changes.samples[scenario], index.reachBox(lamp, IlluminancePlane::Vertical));
        return lamp;
    };
    const std::size_t lamp = add(m_currentIndex, 0, current);
    if (m_plannedIndex) {
        add(*m_plannedIndex, 1, planned); // the same index: both always hold the same lamps
    }
    return lamp;
}

GridCells LightingState::refresh(const LampChanges& changes) {
    const LightingModel& model = m_run.model;
    const double factor = model.options.maintenanceFactor;
    for (const bool planned : {false, true}) {
        const std::size_t k = planned ? 1 : 0;
        if ((planned && !m_run.planned) || isEmpty(changes.samples[k])) {
            continue;
        }
        LightingScenario& scenario = planned ? *m_run.planned : m_run.current;
        refreshSampleLux(scenario.lux, model.samples, changes.samples[k], index(planned), factor);
        reevaluateScenario(model, index(planned), scenario, m_project);
    }
    if (m_run.planned) {
        m_run.comparison = compareScenarios(model, m_run.current, *m_run.planned);
    }
    const Box& area = changes.horizontal[m_gridPlanned ? 1 : 0];
    if (m_grid.columns == 0 || isEmpty(area)) {
        return {};
    }
    return refreshIlluminanceGrid(m_grid, area, index(m_gridPlanned), factor);
}

void LightingState::replaceObservations(const Layer& observations) {
    Layer* mine = m_project.layer(kObservationLayer);
    if (mine == nullptr) {
        return;
    }
    *mine = observations;
    m_observationsChanged = true;
    reevaluateScenario(m_run.model, m_currentIndex, m_run.current, m_project);
    if (m_run.planned) {
        reevaluateScenario(m_run.model, *m_plannedIndex, *m_run.planned, m_project);
        m_run.comparison = compareScenarios(m_run.model, m_run.current, *m_run.planned);
    }
}

bool LightingState::changedSinceRun() const {
    auto changed = [](const auto& entry) {
        return !sameFeature(entry.second.atRun, entry.second.applied);
    };
    return m_observationsChanged || std::ranges::any_of(m_inventory, changed) ||
           std::ranges::any_of(m_measures, changed);
}

bool LightingState::needsRecompute() const {
    return std::ranges::any_of(m_measures,
                               [](const auto& entry) { return entry.second.unplaceable; });
}

} // namespace trygg
