#pragma once
// A small made-up project for the priority list, shared by the library and the panel tests:
// place A (5 unsafe observations, mostly in the dark, by Storgatan), place B (3 frightening ones
// in daylight), one lone unsafe observation (noise) and a cluster of safe ones (left out).

#include "test_support.h"
#include "tryggkarta/core/project.h"

#include <string>
#include <vector>

namespace trygg::test {

/// Coordinates are metres from an origin in Vännäs (SWEREF 99 TM), so the file is plausible.
inline Point placeAt(double x, double y) { return Point(733000.0 + x, 7095000.0 + y); }

struct PriorityPlaces {
    Project project;
    std::vector<FeatureId> placeA; ///< in layer order
    std::vector<FeatureId> placeB;
    FeatureId lone{};

    PriorityPlaces() {
        project.crs = Crs::fromEpsg(crs::kSweref99Tm);
        const LayerDef& def = *sourceCatalog().find("observationer");
        std::vector<Feature> features;
        // Place A: känsla 0, 0, 1, 2, 3; mörker ×3, skymning, dagsljus.
        const double a[5][2] = {{1000, 1000}, {1005, 1000}, {1000, 1005}, {1005, 1005}, {1002, 1002}};
        const char* light[5] = {"morker", "morker", "morker", "skymning", "dagsljus"};
        for (int i = 0; i < 5; ++i) {
            features.push_back(observation(def, a[i][0], a[i][1], i < 2 ? 0 : i - 1, light[i]));
        }
        for (double x : {2000.0, 2010.0, 2020.0}) { // place B: frightening, in daylight
            features.push_back(observation(def, x, 1000.0, 0, "dagsljus"));
        }
        features.push_back(observation(def, 5000.0, 5000.0, 0, "morker")); // alone: noise
        for (double x : {3000.0, 3005.0, 3010.0}) {                          // safe: left out
            Feature safe = observation(def, x, 1000.0, 3, "dagsljus");
            safe.values[*def.fieldIndex("polaritet")] = std::string("trygg");
            features.push_back(safe);
        }
        for (std::size_t i = 0; i < features.size(); ++i) {
            features[i].id = FeatureId{static_cast<std::int64_t>(i + 1)};
        }
        placeA = {FeatureId{1}, FeatureId{2}, FeatureId{3}, FeatureId{4}, FeatureId{5}};
        placeB = {FeatureId{6}, FeatureId{7}, FeatureId{8}};
        lone = FeatureId{9};
        project.layers.emplace_back(def, std::move(features));
        project.layers.emplace_back(*sourceCatalog().find("atgarder"));
        project.layers.push_back(namedLine("bas_gata", {placeAt(900, 980), placeAt(1100, 980)}, "Storgatan"));
    }

    /// A measure with `status` answering `observations`.
    void addMeasure(const std::string& status, const std::vector<FeatureId>& observations) {
        Layer& measures = *project.layer("atgarder");
        Feature measure;
        measure.geometry = placeAt(1002.0, 1002.0);
        measure.values.resize(measures.definition().fields.size());
        measure.values[*measures.definition().fieldIndex("titel")] = std::string("Ny belysning");
        measure.values[*measures.definition().fieldIndex("status")] = status;
        const FeatureId id = measures.add(std::move(measure));
        for (FeatureId observation : observations) {
            project.links.push_back(MeasureLink{id, observation});
        }
    }

    /// The lighting analysis's results: lux 2, 2 and 4 at three of place A's observations and
    /// a dark gap 15 m north of it.
    void addLighting() {
        const LayerDef& spotsDef = *sourceCatalog().find("ljus_observationer");
        std::vector<Feature> spots;
        const double lux[3] = {2.0, 2.0, 4.0};
        for (std::size_t i = 0; i < 3; ++i) {
            Feature spot;
            spot.id = FeatureId{static_cast<std::int64_t>(i + 1)};
            spot.geometry = placeAt(1000.0, 1000.0);
            spot.values.resize(spotsDef.fields.size());
            spot.values[*spotsDef.fieldIndex("synpunkt")] = toInt(placeA[i]);
            spot.values[*spotsDef.fieldIndex("lux")] = lux[i];
            spot.values[*spotsDef.fieldIndex("scenario")] = std::string("nulage");
            spots.push_back(spot);
        }
        project.layers.emplace_back(spotsDef, std::move(spots));
        project.layers.push_back(namedLine("ljus_morka", {placeAt(1000, 1020), placeAt(1100, 1020)}, "Gångvägen"));
    }

private:
    static Feature observation(const LayerDef& def, double x, double y, int feeling,
                               const char* light) {
        const Point p = placeAt(x, y);
        Feature f = lightingObservation(def, p.x(), p.y());
        f.values[*def.fieldIndex("kansla")] = std::int64_t{feeling};
        f.values[*def.fieldIndex("ljusforh")] = std::string(light);
        return f;
    }

    static Layer namedLine(const std::string& table, std::vector<Point> points,
                           const std::string& name) {
        const LayerDef& def = *sourceCatalog().find(table);
        Feature line;
        line.id = FeatureId{1};
        line.geometry = LineString(points.begin(), points.end());
        line.values.resize(def.fields.size());
        line.values[*def.fieldIndex("namn")] = name;
        return Layer(def, {line});
    }
};

} // namespace trygg::test
