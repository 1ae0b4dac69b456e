#pragma once
// A small made-up project for the follow-up tests (library and CLI): measures, observations
// and safety walks with the shipped layer definitions, each field set by name.

#include "test_support.h"
#include "tryggkarta/core/project.h"

#include <optional>
#include <string>
#include <string_view>

namespace trygg::test {

inline Date day(int year, int month, int dayOfMonth) {
    return Date{.year = year, .month = month, .day = dayOfMonth};
}

inline void set(const Layer& layer, Feature& feature, std::string_view field, Value value) {
    feature.values[*layer.definition().fieldIndex(field)] = std::move(value);
}

/// A small made-up project: measures, observations and walks with the shipped definitions.
struct FollowUpProject {
    Project project;

    FollowUpProject() {
        for (std::string_view name : {"atgarder", "observationer", "vandringar"}) {
            project.layers.emplace_back(*sourceCatalog().find(name));
        }
    }

    Layer& layer(std::string_view name) { return *project.layer(name); }

    Feature blank(std::string_view layerName, std::optional<Geometry> geometry) {
        Feature feature;
        feature.geometry = std::move(geometry);
        feature.values.resize(layer(layerName).definition().fields.size());
        return feature;
    }

    /// A made-up measure's fields, set by chained calls (`MeasureSpec().status("klar")`):
    /// designated initialisers that leave members out would warn.
    struct MeasureSpec {
        std::string m_status = "forslag";
        std::string m_promise;
        std::optional<double> m_cost;
        std::optional<Date> m_deadline;
        std::optional<Date> m_decided;
        std::optional<Date> m_followUp;
        std::optional<Geometry> m_geometry = Geometry(Point(100, 100));

        MeasureSpec& status(std::string code) {
            m_status = std::move(code);
            return *this;
        }
        MeasureSpec& promise(std::string code) {
            m_promise = std::move(code);
            return *this;
        }
        MeasureSpec& cost(double value) {
            m_cost = value;
            return *this;
        }
        MeasureSpec& deadline(Date date) {
            m_deadline = date;
            return *this;
        }
        MeasureSpec& decided(Date date) {
            m_decided = date;
            return *this;
        }
        MeasureSpec& followUp(Date date) {
            m_followUp = date;
            return *this;
        }
        MeasureSpec& geometry(std::optional<Geometry> g) {
            m_geometry = std::move(g);
            return *this;
        }
    };

    FeatureId measure(const MeasureSpec& spec, const std::string& title = "Åtgärd") {
        Layer& measures = layer("atgarder");
        Feature feature = blank("atgarder", spec.m_geometry);
        set(measures, feature, "titel", title);
        set(measures, feature, "typ", std::string("ny_belysning"));
        set(measures, feature, "status", spec.m_status);
        set(measures, feature, "ansvarig", std::string("kommun"));
        if (!spec.m_promise.empty()) {
            set(measures, feature, "lofte", spec.m_promise);
        }
        auto optional = [&](std::string_view field, const auto& value) {
            if (value) {
                set(measures, feature, field, *value);
            }
        };
        optional("kostnad", spec.m_cost);
        optional("deadline", spec.m_deadline);
        optional("beslutad", spec.m_decided);
        optional("uppfoljn", spec.m_followUp);
        return measures.add(std::move(feature));
    }

    FeatureId observation(Point at, std::string polarity, std::optional<int> feeling,
                          std::optional<FeatureId> walk, std::string category = "belysning") {
        Layer& observations = layer("observationer");
        Feature feature = blank("observationer", Geometry(at));
        set(observations, feature, "kategori", std::move(category));
        set(observations, feature, "polaritet", std::move(polarity));
        set(observations, feature, "kalla", std::string("trygghetsvandring"));
        set(observations, feature, "ljusforh", std::string("morker"));
        if (feeling) {
            set(observations, feature, "kansla", std::int64_t{*feeling});
        }
        if (walk) {
            set(observations, feature, "vandring", toInt(*walk));
        }
        return observations.add(std::move(feature));
    }

    FeatureId walk(std::optional<Date> date, std::string name,
                   std::optional<Geometry> route = std::nullopt) {
        Layer& walks = layer("vandringar");
        Feature feature = blank("vandringar", std::move(route));
        if (date) {
            set(walks, feature, "datum", *date);
        }
        set(walks, feature, "namn", std::move(name));
        set(walks, feature, "ljusforh", std::string("morker"));
        return walks.add(std::move(feature));
    }

    void link(FeatureId measure, FeatureId observation) {
        project.links.push_back(MeasureLink{.measure = measure, .observation = observation});
    }
};

} // namespace trygg::test
