#include "tryggkarta/core/project.h"

#include <algorithm>

namespace trygg {

Layer* Project::layer(std::string_view name) {
    auto it = std::ranges::find_if(layers, [&](const Layer& l) { return l.name() == name; });
    return it == layers.end() ? nullptr : &*it;
}

const Layer* Project::layer(std::string_view name) const {
    auto it = std::ranges::find_if(layers, [&](const Layer& l) { return l.name() == name; });
    return it == layers.end() ? nullptr : &*it;
}

} // namespace trygg
