#include "generators.h"

#include <array>
#include <string>

namespace trygg::synth {
namespace {

// Example sentences by checklist theme, for places felt unsafe and for safe or pleasant ones.
struct Theme {
    std::initializer_list<std::string_view> fragments;
    std::array<std::string_view, 2> unsafe;
    std::array<std::string_view, 2> safe;
};

const Theme kThemes[] = {
    {{"belys", "ljus", "lamp"},
     {"Trasig gatubelysning, mörkt på gångvägen", "Mörkt och svårt att se vem som kommer"},
     {"Bra belysning, känns tryggt på kvällen", "Jämnt ljus längs hela gångvägen"}},
    {{"veget", "busk", "sikt"},
     {"Höga buskar skymmer sikten", "Igenvuxet, man ser inte vad som finns bakom häcken"},
     {"Öppet och god sikt åt alla håll", "Nyligen röjt, lätt att se omgivningen"}},
    {{"klotter", "skadeg"},
     {"Mycket klotter och krossat glas", "Skadegörelse på busskuren återkommer"},
     {"Välskött och fritt från klotter", "Snabbt sanerat efter skadegörelse"}},
    {{"skrap", "skräp"},
     {"Nedskräpat och ostädat", "Fulla papperskorgar och skräp överallt"},
     {"Rent och snyggt", "Städat och välskött"}},
    {{"tunnel", "passage"},
     {"Gångtunneln känns instängd och mörk", "Ingen överblick i passagen under spåret"},
     {"Ljus och öppen passage", "Tunneln är välbelyst och ren"}},
    {{"parker"},
     {"Mörk parkering med många gömställen", "Ödslig parkering sent på kvällen"},
     {"Upplyst parkering med god överblick", "Parkeringen känns trygg"}},
    {{"buss", "hallpl", "hållpl", "resecentr"},
     {"Otrygg väntan vid hållplatsen på kvällen", "Hållplatsen ligger undanskymd"},
     {"Trivsam och ljus hållplats", "Bra väderskydd och folk i rörelse"}},
    {{"trafik", "korsn", "overgang", "övergång"},
     {"Höga hastigheter, svårt att korsa gatan", "Otydligt övergångsställe i mörker"},
     {"Lugn trafik och tydliga övergångsställen", "Säker passage över gatan"}},
    {{"folkliv", "odsl", "ödsl", "folk"},
     {"Ödsligt efter butikernas stängning", "Inga människor i rörelse på kvällen"},
     {"Mycket folk i rörelse, känns tryggt", "Livligt och trevligt under dagen"}},
    {{"gom", "göm"},
     {"Många gömställen bakom förrådet", "Skymda hörn där någon kan stå och vänta"},
     {"Inga gömställen, allt syns", "Öppet och överblickbart"}},
    {{"tillg", "hinder"},
     {"Trappor och kanter utan ramp", "Svårt att ta sig fram med rullator"},
     {"Lätt att ta sig fram för alla", "Bra ramper och jämna gångytor"}},
    {{"skylt", "orient", "overbl", "överbl"},
     {"Svårt att hitta rätt, saknar skyltar", "Dålig överblick och orientering"},
     {"Tydlig skyltning och lätt att hitta", "God överblick över torget"}},
};

const Theme kOtherTheme = {{},
                           {"Känns otryggt att gå här ensam", "Otrygg plats på kvällen"},
                           {"Trivsam plats att vistas på", "Känns tryggt och välkomnande"}};

const Theme& themeFor(const CodePicker& categories, std::size_t category) {
    if (categories.empty()) {
        return kOtherTheme;
    }
    const std::string& text = categories.text(category);
    for (const auto& theme : kThemes) {
        for (auto fragment : theme.fragments) {
            if (text.find(fragment) != std::string::npos) {
                return theme;
            }
        }
    }
    return kOtherTheme;
}

// Every sentence a category and polarity class can get, made once and copied per feature.
using SentencePool = std::vector<std::array<std::vector<Value>, 2>>;

SentencePool makeSentences(const Slot& slot, const CodePicker& categories) {
    SentencePool pool(std::max<std::size_t>(categories.size(), 1));
    if (!slot) {
        return pool;
    }
    for (std::size_t c = 0; c < pool.size(); ++c) {
        const Theme& theme = themeFor(categories, c);
        for (std::size_t safe = 0; safe < 2; ++safe) {
            for (auto sentence : safe != 0 ? theme.safe : theme.unsafe) {
                for (std::size_t p = 0; p < placePhraseCount(); ++p) {
                    std::string text = "[Exempel] " + std::string(sentence) + " " +
                                       std::string(placePhrase(p)) + ".";
                    pool[c][safe].push_back(textValue(*slot.field(), std::move(text)));
                }
            }
        }
    }
    return pool;
}

Value idValue(const FieldDef& field, FeatureId id) {
    if (field.type == FieldType::Integer || field.type == FieldType::Real) {
        return numberValue(field, static_cast<double>(toInt(id)));
    }
    return textValue(field, std::to_string(toInt(id)));
}

} // namespace

DateTime timeAlongWalk(const Walk& walk, double fraction) {
    DateTime when = walk.start;
    int minutes = when.minute + static_cast<int>(fraction * 80.0);
    when.hour += minutes / 60;
    when.minute = minutes % 60;
    return when;
}

int feelingScore(bool safe, Rng& rng) {
    return safe ? static_cast<int>(rng.integer(2, 3)) : static_cast<int>(rng.integer(0, 1));
}

std::string_view exampleSentence(const CodePicker& categories, std::size_t category, bool safe,
                                 std::size_t variant) {
    const auto& sentences = safe ? themeFor(categories, category).safe
                                 : themeFor(categories, category).unsafe;
    return sentences[variant % sentences.size()];
}

Observations makeObservations(const LayerDef& def, std::size_t count,
                              const std::vector<HotSpot>& hotSpots, const std::vector<Walk>& walks,
                              Rng& rng) {
    const Slot category(def, {"kategori"});
    const Slot polarity(def, {"polaritet"});
    const Slot description(def, {"beskrivn"});
    const Slot time(def, {"tidpunkt"});
    const Slot light(def, {"ljusforh"});
    const Slot source(def, {"kalla"});
    const Slot walkRef(def, {"vandring"});
    const Slot reporter(def, {"rapportor"});
    const Slot contact(def, {"kontakt"});
    const Slot feeling(def, {"kansla"});
    const Slot measure(def, {"atgard"}); // filled once measures exist
    const Slot photo(def, {"foto"});     // a file name would point at nothing
    const CodePicker categories(category.field(), {});
    const CodePicker polarities(polarity.field(), {{"otrygg", 0.65}, {"trivsam", 0.10}, {"trygg", 0.25}},
                                0.05);
    const CodePicker sources(source.field(),
                             {{"vandr", 0.0}, {"medborg", 0.80}, {"polis", 0.10}, {"felanm", 0.10}},
                             0.03);
    const CodePicker lights(light.field(), {});
    const auto walkSource = sources.find({"vandr"});
    const auto dialogue = sources.find({"medborg"});
    const SentencePool sentences = makeSentences(description, categories);
    // Free-text variants of the coded fields get generic values instead.
    const auto skip = handledFields(
        def, {categories.empty() ? nullptr : &category, polarities.empty() ? nullptr : &polarity,
              sources.empty() ? nullptr : &source, lights.empty() ? nullptr : &light, &description,
              &time, &walkRef, &reporter, &contact, &measure, &photo});

    // Each hot spot is known for one kind of problem, which most of its reports name.
    std::vector<std::size_t> typical;
    for (std::size_t i = 0; i < hotSpots.size(); ++i) {
        typical.push_back(categories.empty() ? 0 : categories.pickIndex(rng));
    }

    // A walk notes 20 places or so; walks never hold more than a tenth of the observations.
    std::size_t perWalk = walks.empty() ? 0 : std::min<std::size_t>(20, count / 10 / walks.size());
    std::size_t onWalks = perWalk * walks.size();

    Observations out;
    out.anchors.resize(hotSpots.size());
    out.features.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        Feature feature;
        feature.id = FeatureId{static_cast<std::int64_t>(i + 1)};
        fillGeneric(feature, def, rng, skip);

        const Walk* walk = nullptr;
        DateTime when;
        Point where;
        std::size_t cat = categories.empty() ? 0 : categories.pickIndex(rng);
        if (i >= count - onWalks) {
            std::size_t k = i - (count - onWalks);
            walk = &walks[k / perWalk];
            double fraction = (static_cast<double>(k % perWalk) + rng.uniform(0.1, 0.9)) /
                              static_cast<double>(perWalk);
            where = around(rng, pointAlong(walk->route, fraction), 15.0);
            when = timeAlongWalk(*walk, fraction);
        } else if (!hotSpots.empty() && rng.chance(0.7)) {
            std::size_t spot = rng.index(hotSpots.size());
            where = nearHotSpot(rng, hotSpots[spot]);
            if (rng.chance(0.6)) {
                cat = typical[spot];
            }
            if (out.anchors[spot].size() < 32) {
                out.anchors[spot].push_back(where);
            }
            when = randomDateTimeIn(rng, 2025);
        } else {
            where = anywhereInCentre(rng);
            when = randomDateTimeIn(rng, 2025);
        }
        feature.geometry = where;

        std::size_t pol = polarities.empty() ? 0 : polarities.pickIndex(rng);
        std::size_t src = walk != nullptr && walkSource ? *walkSource
                          : sources.empty()             ? 0
                                                        : sources.pickIndex(rng);
        if (!categories.empty()) {
            category.set(feature, categories.value(cat));
        }
        if (!polarities.empty()) {
            polarity.set(feature, polarities.value(pol));
        }
        if (!sources.empty()) {
            source.set(feature, sources.value(src));
        }
        bool safe = !polarities.empty() && polarities.text(pol).find("otrygg") == std::string::npos;
        if (description) {
            const auto& choices = sentences[cat][safe ? 1 : 0];
            description.set(feature, choices[rng.index(choices.size())]);
        }
        if (feeling) {
            feeling.set(feature, textValue(*feeling.field(), std::to_string(feelingScore(safe, rng))));
        }
        if (time) {
            time.set(feature, timeValue(*time.field(), when));
        }
        if (auto code = lightCode(lights, lightAt(when.date.month, when.hour + when.minute / 60.0))) {
            light.set(feature, lights.value(*code));
        } else if (!lights.empty()) {
            light.set(feature, lights.pick(rng));
        }
        if (walk != nullptr && walkRef) {
            walkRef.set(feature, idValue(*walkRef.field(), walk->id));
        }
        // A fifth of dialogue answers leave a name and an address; obviously invented ones.
        if (walk == nullptr && dialogue && src == *dialogue && rng.chance(0.2)) {
            std::string n = std::to_string(rng.integer(1, 999));
            if (reporter) {
                reporter.set(feature, textValue(*reporter.field(), "Exempelperson " + n));
            }
            if (contact) {
                contact.set(feature, textValue(*contact.field(), "exempel" + n + "@example.invalid"));
            }
        }
        completeRequired(feature, def, rng, skip);
        out.features.push_back(std::move(feature));
    }
    return out;
}

} // namespace trygg::synth
