#include "tryggkarta/io/crs_transform.h"

#include "gdal_util.h"

#include <ogr_spatialref.h>

#include <boost/geometry/algorithms/for_each.hpp>

#include <cmath>

namespace trygg {

struct CoordinateTransform::Impl {
    gdal::SrsPtr from;
    gdal::SrsPtr to;
    std::unique_ptr<OGRCoordinateTransformation> transform; ///< null for identity
};

Result<Crs> parseCrs(std::string_view text) {
    std::string input(text);
    bool digitsOnly = !input.empty() && input.find_first_not_of("0123456789") == std::string::npos;
    if (digitsOnly) {
        input = "EPSG:" + input;
    }
    gdal::ErrorCapture errors;
    OGRSpatialReference srs;
    if (srs.SetFromUserInput(input.c_str()) != OGRERR_NONE) {
        return fail(ErrorCode::CrsUnknown,
                    "unknown coordinate reference system (write e.g. EPSG:3006)", input,
                    errors.last());
    }
    return gdal::crsFromSrs(srs);
}

Result<std::string> crsName(const Crs& crs) {
    auto srs = gdal::makeSrs(crs);
    if (!srs) {
        return std::unexpected(srs.error());
    }
    const char* name = (*srs)->GetName();
    return std::string(name != nullptr ? name : crs.identifier());
}

CoordinateTransform::CoordinateTransform(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
CoordinateTransform::CoordinateTransform(CoordinateTransform&&) noexcept = default;
CoordinateTransform& CoordinateTransform::operator=(CoordinateTransform&&) noexcept = default;
CoordinateTransform::~CoordinateTransform() = default;

Result<CoordinateTransform> CoordinateTransform::create(const Crs& from, const Crs& to) {
    auto impl = std::make_unique<Impl>();
    auto fromSrs = gdal::makeSrs(from);
    if (!fromSrs) {
        return std::unexpected(fromSrs.error());
    }
    auto toSrs = gdal::makeSrs(to);
    if (!toSrs) {
        return std::unexpected(toSrs.error());
    }
    impl->from = std::move(*fromSrs);
    impl->to = std::move(*toSrs);
    if (!(from == to) && !impl->from->IsSame(impl->to.get())) {
        gdal::ErrorCapture errors;
        impl->transform.reset(
            OGRCreateCoordinateTransformation(impl->from.get(), impl->to.get()));
        if (!impl->transform) {
            return fail(ErrorCode::CrsUnknown, "no transformation between the CRSs",
                        from.identifier() + " -> " + to.identifier(), errors.last());
        }
    }
    return CoordinateTransform(std::move(impl));
}

bool CoordinateTransform::isIdentity() const { return !m_impl->transform; }

Result<Point> CoordinateTransform::apply(const Point& point) const {
    if (!m_impl->transform) {
        return point;
    }
    double x = point.x();
    double y = point.y();
    if (!m_impl->transform->Transform(1, &x, &y) || !std::isfinite(x) || !std::isfinite(y)) {
        return fail(ErrorCode::CrsMismatch, "coordinates cannot be transformed",
                    std::to_string(point.x()) + ", " + std::to_string(point.y()));
    }
    return Point{x, y};
}

Result<void> CoordinateTransform::apply(Geometry& geometry) const {
    if (!m_impl->transform) {
        return {};
    }
    Result<void> outcome;
    auto transformPoint = [&](Point& p) {
        if (!outcome) {
            return;
        }
        auto moved = apply(p);
        if (!moved) {
            outcome = std::unexpected(moved.error());
            return;
        }
        p = *moved;
    };
    std::visit([&](auto& g) { bg::for_each_point(g, transformPoint); }, geometry);
    return outcome;
}

Result<Box> CoordinateTransform::apply(const Box& box) const {
    if (!m_impl->transform) {
        return box;
    }
    double minX = 0, minY = 0, maxX = 0, maxY = 0;
    if (!m_impl->transform->TransformBounds(box.min_corner().x(), box.min_corner().y(),
                                            box.max_corner().x(), box.max_corner().y(), &minX,
                                            &minY, &maxX, &maxY, 21)) {
        return fail(ErrorCode::CrsMismatch, "area cannot be transformed");
    }
    return Box{Point{minX, minY}, Point{maxX, maxY}};
}

} // namespace trygg
