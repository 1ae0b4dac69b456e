#include "tryggkarta/analysis/project_luminaires.h"

#include "tryggkarta/core/text.h"

#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>

#include <cmath>
#include <map>
#include <numbers>
#include <optional>

namespace trygg {
namespace {

namespace bgi = boost::geometry::index;
namespace fs = std::filesystem;
constexpr double kDegreesPerRadian = 180.0 / std::numbers::pi;
constexpr double kOnTheLine = 0.5; // metres: closer than this, a lamp faces along its line
constexpr std::string_view kInventoryLayer = "belysning";

double bearingOf(double east, double north) {
    const double degrees = std::atan2(east, north) * kDegreesPerRadian;
    return degrees < 0.0 ? degrees + 360.0 : degrees;
}

/// The nearest network leg to a point, through an R-tree over the legs.
class NearestPath {
public:
    explicit NearestPath(const PathNetwork& network) {
        std::vector<Leg> legs;
        for (const NetworkLine& line : network.lines) {
            for (std::size_t i = 0; i + 1 < line.line.size(); ++i) {
                legs.emplace_back(bg::model::segment<Point>(line.line[i], line.line[i + 1]),
                                  legs.size());
            }
        }
        m_tree = Tree(legs.begin(), legs.end());
    }

    /// The bearing a lamp at `p` faces: towards the nearest leg, or across it when on it.
    [[nodiscard]] std::optional<double> facing(const Point& p) const {
        std::vector<Leg> nearest;
        m_tree.query(bgi::nearest(p, 1), std::back_inserter(nearest));
        if (nearest.empty()) {
            return std::nullopt;
        }
        const auto& leg = nearest.front().first;
        const Point a = leg.first;
        const Point b = leg.second;
        const double dx = b.x() - a.x();
        const double dy = b.y() - a.y();
        const double lengthSquared = dx * dx + dy * dy;
        const double t = lengthSquared > 0.0
            ? std::clamp(((p.x() - a.x()) * dx + (p.y() - a.y()) * dy) / lengthSquared, 0.0, 1.0)
            : 0.0;
        const double ex = a.x() + t * dx - p.x();
        const double ny = a.y() + t * dy - p.y();
        if (std::hypot(ex, ny) < kOnTheLine) {
            return std::fmod(bearingOf(dx, dy) + 270.0, 360.0); // C0 along the line
        }
        return bearingOf(ex, ny);
    }

private:
    using Leg = std::pair<bg::model::segment<Point>, std::size_t>;
    using Tree = bgi::rtree<Leg, bgi::rstar<16>>;
    Tree m_tree;
};

bool isPhotometryFile(const fs::path& path) {
    const std::string extension = foldCase(path.extension().string());
    return extension == ".ldt" || extension == ".ies";
}

/// The file `armatur` points to, or nothing when it names no profile.
std::optional<fs::path> profileFile(const std::string& armatur, const LuminaireOptions& options) {
    if (armatur.empty()) {
        return std::nullopt;
    }
    const fs::path given(armatur);
    if (isPhotometryFile(given)) {
        return given.is_absolute() ? given : options.projectFile.parent_path() / given;
    }
    for (const fs::path& folder : options.profileFolders) {
        for (const char* extension : {".ldt", ".ies"}) {
            fs::path candidate = folder / (armatur + extension);
            std::error_code ignored;
            if (fs::is_regular_file(candidate, ignored)) {
                return candidate;
            }
        }
    }
    return std::nullopt;
}

/// Profiles read once per file within one build of the model.
class Profiles {
public:
    Result<std::shared_ptr<const Photometry>> get(const fs::path& file) {
        auto found = m_read.find(file);
        if (found == m_read.end()) {
            auto read = readPhotometry(file);
            Result<std::shared_ptr<const Photometry>> entry =
                read ? Result<std::shared_ptr<const Photometry>>(
                           std::make_shared<const Photometry>(std::move(*read)))
                     : std::unexpected(read.error());
            found = m_read.emplace(file, std::move(entry)).first;
        }
        return found->second;
    }

private:
    std::map<fs::path, Result<std::shared_ptr<const Photometry>>> m_read;
};

struct Context {
    const PathNetwork& network;
    const LuminaireOptions& options;
    NearestPath nearest;
    Profiles profiles;
    std::vector<std::string>* notes = nullptr;

    void note(const std::string& label, const std::string& text) const {
        if (notes) {
            notes->push_back(label + ": " + text);
        }
    }
};

Result<std::shared_ptr<const Photometry>> photometryOf(Context& context, const std::string& label,
                                                       const std::string& armatur,
                                                       std::optional<double> flux) {
    if (const auto file = profileFile(armatur, context.options)) {
        auto profile = context.profiles.get(*file);
        if (profile) {
            if (!flux || !(*flux > 0.0)) {
                return profile;
            }
            auto scaled = (*profile)->withLampFlux(*flux);
            if (scaled) {
                return std::make_shared<const Photometry>(std::move(*scaled));
            }
        } else {
            context.note(label, profile.error().describe() + "; generic distribution used");
        }
    }
    if (!flux || !(*flux > 0.0)) {
        context.note(label, "no luminous flux, " + std::to_string(int(kDefaultLampFlux)) +
                                " lm assumed");
        flux = kDefaultLampFlux;
    }
    auto generic = genericPhotometry(*flux);
    if (!generic) {
        return std::unexpected(generic.error());
    }
    return std::make_shared<const Photometry>(std::move(*generic));
}

Result<Luminaire> inventoryLamp(Context& context, const Layer& layer, const Feature& feature,
                                LuminaireOrigin& origin) {
    origin.layer = std::string(kInventoryLayer);
    origin.feature = feature.id;
    origin.label = textOf(layer.definition(), feature, "stolpnr");
    if (origin.label.empty()) {
        origin.label = "belysning " + std::to_string(toInt(feature.id));
    }
    const auto* point = feature.geometry ? std::get_if<Point>(&*feature.geometry) : nullptr;
    if (!point) {
        return fail(ErrorCode::InvalidGeometry, "a luminaire needs a point", origin.label);
    }
    const std::string status = textOf(layer.definition(), feature, "status");
    origin.planned = status == "planerad";
    LuminaireSpec spec;
    spec.position = *point;
    spec.on = status.empty() || status == "fungerar" ||
              (origin.planned && context.options.includePlanned);
    auto height = numberOf(layer.definition(), feature, "hojd_m");
    if (!height) {
        context.note(origin.label, "no mounting height, " +
                                       std::to_string(int(kDefaultLampHeight)) + " m assumed");
        height = kDefaultLampHeight;
    }
    spec.height = *height;
    spec.tilt = numberOf(layer.definition(), feature, "tilt_grad").value_or(0.0);
    const auto azimuth = numberOf(layer.definition(), feature, "riktning");
    spec.azimuth = azimuth ? *azimuth : context.nearest.facing(*point).value_or(0.0);
    auto photometry = photometryOf(context, origin.label, textOf(layer.definition(), feature, "armatur"),
                                   numberOf(layer.definition(), feature, "ljusflode"));
    if (!photometry) {
        return std::unexpected(photometry.error());
    }
    spec.photometry = std::move(*photometry);
    auto luminaire = makeLuminaire(std::move(spec));
    if (!luminaire) {
        luminaire.error().where = origin.label;
    }
    return luminaire;
}

std::vector<Point> measureLampPositions(const Geometry& geometry) {
    std::vector<Point> out;
    if (const auto* p = std::get_if<Point>(&geometry)) {
        out.push_back(*p);
    } else if (const auto* line = std::get_if<LineString>(&geometry)) {
        const auto length = static_cast<double>(bg::length(*line));
        const auto count = static_cast<std::size_t>(std::floor(length / kMeasureLampSpacing)) + 1;
        for (std::size_t i = 0; i < count; ++i) {
            const double along = count == 1 ? length / 2.0
                                            : static_cast<double>(i) * length /
                                                  static_cast<double>(count - 1);
            const LineString piece = subLine(*line, along, along);
            if (!piece.empty()) {
                out.push_back(piece.front());
            }
        }
    } else if (!isEmpty(geometry) && kindOf(geometry) == GeometryKind::Polygon) {
        Point centre;
        std::visit([&](const auto& g) { bg::centroid(g, centre); }, geometry);
        out.push_back(centre);
    }
    return out;
}

void addMeasureLamps(Context& context, const Project& project, ProjectLuminaires& out) {
    const Layer* measures = project.layer(kMeasureLayer);
    if (!measures) {
        return;
    }
    for (const Feature& feature : measures->features()) {
        const std::string status = textOf(measures->definition(), feature, "status");
        if (textOf(measures->definition(), feature, "typ") != "ny_belysning" || status == "avford" ||
            status == "klar" || !feature.geometry) {
            continue;
        }
        std::string label = textOf(measures->definition(), feature, "titel");
        if (label.empty()) {
            label = "åtgärd " + std::to_string(toInt(feature.id));
        }
        for (const Point& p : measureLampPositions(*feature.geometry)) {
            LuminaireSpec spec;
            spec.position = p;
            spec.height = kMeasureLampHeight;
            spec.azimuth = context.nearest.facing(p).value_or(0.0);
            spec.on = context.options.includePlanned;
            spec.photometry = *photometryOf(context, label, {}, kMeasureLampFlux);
            auto luminaire = makeLuminaire(std::move(spec));
            if (luminaire) {
                out.luminaires.push_back(std::move(*luminaire));
                out.origins.push_back({std::string(kMeasureLayer), feature.id, label, true});
            }
        }
    }
}

} // namespace

ProjectLuminaires projectLuminaires(const Project& project, const PathNetwork& network,
                                    const LuminaireOptions& options) {
    ProjectLuminaires out;
    Context context{network, options, NearestPath(network), Profiles(), &out.notes};
    if (const Layer* layer = project.layer(kInventoryLayer)) {
        for (const Feature& feature : layer->features()) {
            LuminaireOrigin origin;
            auto luminaire = inventoryLamp(context, *layer, feature, origin);
            if (luminaire) {
                out.luminaires.push_back(std::move(*luminaire));
                out.origins.push_back(std::move(origin));
            } else {
                out.notes.push_back(luminaire.error().describe() + "; left out");
            }
        }
    }
    addMeasureLamps(context, project, out);
    return out;
}

Result<Luminaire> inventoryLuminaire(const Project& project, const Feature& feature,
                                     const PathNetwork& network,
                                     const LuminaireOptions& options) {
    const Layer* layer = project.layer(kInventoryLayer);
    if (!layer) {
        return fail(ErrorCode::NotFound, "the project has no lighting layer", "belysning");
    }
    Context context{network, options, NearestPath(network), Profiles(), nullptr};
    LuminaireOrigin origin;
    return inventoryLamp(context, *layer, feature, origin);
}

} // namespace trygg
